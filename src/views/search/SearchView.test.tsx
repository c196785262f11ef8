/**
 * The search view against the demo server's data (through MSW): a name search lists the neurons
 * the demo data implies, headers sort, the CSV holds the rows shown, and a failed search shows
 * an alert whose Retry recovers.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATMAID_TEST_BASE, demoStore } from '../../../test-support/msw/handlers.ts';
import { server, setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { readTable } from '../../../test-support/dom/read-table.ts';
import { mockLayout } from '../../../test-support/dom/mock-layout.ts';
import { renderWithDashboard } from '../../../test-support/dom/render-dashboard.tsx';
import { SearchView } from './SearchView.tsx';

setupCatmaidServer();
// 600 px shows the 12 matches (33 px rows) without loading creators for a long list.
mockLayout(600);
afterEach(() => vi.restoreAllMocks());

const QUERY = 'dm';

/** What the demo data implies for a case-insensitive substring search: name and skeleton id. */
function expectedMatches(): { name: string; skeletonId: number }[] {
  const project = demoStore().projects.get(1);
  if (!project) throw new Error('demo data lacks project 1');
  return project.meta.neurons
    .filter((n) => n.name.toLowerCase().includes(QUERY))
    .map((n) => ({ name: n.name, skeletonId: n.skeletonId }));
}

async function search(name: string) {
  const box = await screen.findByRole('searchbox', { name: 'Neuron name' });
  fireEvent.change(box, { target: { value: name } });
  // The button is disabled while the search the view opened with is still loading.
  const button = screen.getByRole('button', { name: 'Search' });
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
}

const resultTable = () => screen.findByRole('table', { name: 'Search results' });
const shownIds = () => readTable('Search results').rows.map((r) => Number(r['Skeleton ID']));

describe('SearchView', () => {
  it('lists the neurons whose names match, with their ids and the match count', async () => {
    const expected = expectedMatches();
    expect(expected.length).toBeGreaterThan(2);
    renderWithDashboard(<SearchView />);
    await search(QUERY);
    await resultTable();
    // The previous answer (every neuron) stays on screen until this search's answer arrives.
    await screen.findByText(`${expected.length} neurons match`);
    const { rows } = readTable('Search results');
    expect(rows.map((r) => ({ name: r.Name, skeletonId: Number(r['Skeleton ID']) }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(rows).toHaveLength(expected.length);
  });

  it('sorts by a column header, ascending then descending', async () => {
    const ids = expectedMatches().map((m) => m.skeletonId);
    renderWithDashboard(<SearchView />, { url: `q=${QUERY}` });
    await resultTable();
    const header = () => screen.getByRole('columnheader', { name: /Skeleton ID/ });
    fireEvent.click(within(header()).getByRole('button'));
    await waitFor(() => expect(header().getAttribute('aria-sort')).toBe('ascending'));
    expect(shownIds()).toEqual([...ids].sort((a, b) => a - b));
    fireEvent.click(within(header()).getByRole('button'));
    await waitFor(() => expect(header().getAttribute('aria-sort')).toBe('descending'));
    expect(shownIds()).toEqual([...ids].sort((a, b) => b - a));
  });

  it('exports the rows shown, in the order shown, as CSV', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithDashboard(<SearchView />, { url: `q=${QUERY}` });
    await resultTable();
    // Descending: an order the server does not answer in, so the CSV must follow the table.
    const header = () => screen.getByRole('columnheader', { name: /Skeleton ID/ });
    fireEvent.click(within(header()).getByRole('button'));
    await waitFor(() => expect(header().getAttribute('aria-sort')).toBe('ascending'));
    fireEvent.click(within(header()).getByRole('button'));
    await waitFor(() => expect(header().getAttribute('aria-sort')).toBe('descending'));
    const shown = readTable('Search results').rows;
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = (await blobs[0]?.text())?.trim().split(/\r?\n/) ?? [];
    const head = lines[0]?.split(',') ?? [];
    const idCol = head.findIndex((h) => /skeleton/i.test(h));
    const nameCol = head.findIndex((h) => /name/i.test(h));
    expect(idCol).toBeGreaterThanOrEqual(0);
    const body = lines.slice(1).map((l) => l.split(','));
    expect(body.map((cells) => Number(cells[idCol]))).toEqual(
      shown.map((r) => Number(r['Skeleton ID'])),
    );
    expect(body.map((cells) => cells[nameCol])).toEqual(shown.map((r) => r.Name));
  });

  it('shows a failed search as an alert whose Retry recovers', async () => {
    let failures = 0;
    server.use(
      http.post(`${CATMAID_TEST_BASE}/1/annotations/query-targets`, () => {
        failures += 1;
        return HttpResponse.json({ error: 'database is down', type: 'OperationalError' });
      }),
    );
    renderWithDashboard(<SearchView />, { url: `q=${QUERY}` });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The search failed/);
    expect(screen.queryByRole('table', { name: 'Search results' })).toBeNull();
    expect(failures).toBe(1);

    server.resetHandlers();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await resultTable();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(readTable('Search results').rows).toHaveLength(expectedMatches().length);
  });
});
