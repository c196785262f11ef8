/**
 * The selection panel as a user meets it (opened from the dock's rail button), against the demo
 * server's data through MSW: pasted ids are checked with the server and listed by their names,
 * unknown ids are named and left out, and failed name requests show Retry that recovers. Only
 * roles, labels and visible text are used, so internal reworks of the panel do not matter.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CATMAID_TEST_BASE, demoStore } from '../../../test-support/msw/handlers.ts';
import { server, setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { mockLayout } from '../../../test-support/dom/mock-layout.ts';
import { renderWithDashboard } from '../../../test-support/dom/render-dashboard.tsx';
import { SelectionDock } from './SelectionDock.tsx';

setupCatmaidServer();
mockLayout();

const NO_LINK = { url: null, unavailable: 'no CATMAID web client in tests' };
/** Two demo neurons, and an id the demo data does not have (its ids are even and < 2000). */
const KNOWN = [1092, 1134] as const;
const UNKNOWN = 999_999;

function nameOf(skid: number): string {
  const p = demoStore().projects.get(1);
  const s = p?.skelById.get(skid);
  if (!p || s === undefined) throw new Error(`no skeleton ${skid} in the demo data`);
  return p.neuron(s).name;
}

function openPanel(selection: readonly number[] = []) {
  renderWithDashboard(
    <SelectionDock link={NO_LINK}>
      <p>view</p>
    </SelectionDock>,
    { selection },
  );
  fireEvent.click(screen.getByRole('button', { name: `Selection (${selection.length})` }));
  return screen.getByRole('complementary', { name: 'Selection' });
}

function paste(panel: HTMLElement, text: string) {
  fireEvent.change(within(panel).getByRole('textbox', { name: 'Skeleton ids' }), {
    target: { value: text },
  });
  fireEvent.click(within(panel).getByRole('button', { name: 'Add ids' }));
}

/** The neurons listed, by the names their rows' checkboxes carry. */
const listed = (panel: HTMLElement) =>
  within(within(panel).getByRole('table', { name: 'Neurons in the selection' }))
    .queryAllByRole('checkbox', { name: /^Check / })
    .map((c) => c.getAttribute('aria-label')?.replace(/^Check /, ''));

describe('SelectionPanel', () => {
  it('adds pasted ids and lists them by the names the server gives', async () => {
    const panel = openPanel();
    paste(panel, `${KNOWN[0]}\n${KNOWN[1]}`);
    const report = await within(panel).findByText('Added 2 neurons from the pasted ids.');
    expect(report.closest('[role]')?.getAttribute('role')).toBe('status');
    await waitFor(() => expect(listed(panel)).toEqual(KNOWN.map(nameOf)));
    expect(within(panel).getByText('2 neurons')).toBeTruthy();
  });

  it('names an unknown pasted id and leaves it out', async () => {
    const panel = openPanel();
    paste(panel, `${KNOWN[0]}, ${UNKNOWN}`);
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toContain('Added 1 neuron from the pasted ids.');
    expect(alert.textContent).toContain(
      `Skeleton ${UNKNOWN} does not exist in this project and was left out.`,
    );
    await waitFor(() => expect(listed(panel)).toEqual([nameOf(KNOWN[0])]));
  });

  it('a failed names request shows an alert whose Retry brings the names', async () => {
    server.use(
      http.post(`${CATMAID_TEST_BASE}/1/skeleton/neuronnames`, () =>
        HttpResponse.text('Bad Gateway', { status: 502 }),
      ),
    );
    const panel = openPanel(KNOWN);
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toMatch(/Loading neuron names/);
    // The neurons stay, under their ids, while their names are missing.
    expect(listed(panel)).toEqual(KNOWN.map((id) => `skeleton ${id}`));

    server.resetHandlers();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(listed(panel)).toEqual(KNOWN.map(nameOf)));
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('a failed check of pasted ids says so and adds nothing', async () => {
    server.use(
      http.post(`${CATMAID_TEST_BASE}/1/skeleton/neuronnames`, () =>
        HttpResponse.json({ error: 'permission denied', type: 'PermissionError' }),
      ),
    );
    const panel = openPanel();
    paste(panel, String(KNOWN[0]));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toMatch(/Could not check the skeleton ids with the server/);
    expect(within(panel).queryByRole('table', { name: 'Neurons in the selection' })).toBeNull();
    expect(within(panel).getByText('0 neurons')).toBeTruthy();
  });

  it('the failed check has a Retry that adds the same ids once the server answers', async () => {
    server.use(
      http.post(`${CATMAID_TEST_BASE}/1/skeleton/neuronnames`, () =>
        HttpResponse.text('Service Unavailable', { status: 503 }),
      ),
    );
    const panel = openPanel();
    paste(panel, KNOWN.join(' '));
    const alert = await within(panel).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/Could not check the skeleton ids[\s\S]*503/);
    // The box was cleared in between: Retry repeats the add that failed, not what the box holds.
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Skeleton ids' }), {
      target: { value: '' },
    });

    server.resetHandlers();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(listed(panel)).toEqual(KNOWN.map(nameOf)), { timeout: 10_000 });
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect(within(panel).getByText('2 neurons')).toBeTruthy();
  });

  it('a report without a failed request (unknown ids) offers no Retry', async () => {
    const panel = openPanel();
    paste(panel, String(UNKNOWN));
    const alert = await within(panel).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/does not exist/);
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
