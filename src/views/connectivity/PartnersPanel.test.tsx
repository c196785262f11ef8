/**
 * The partner tables of the connectivity view, checked against sums computed here from the demo
 * server's raw `skeletons/connectivity` answer (not from the app's decoder or partner-table
 * analysis): rows, per-source counts, footer totals and the summary line; the synapse threshold;
 * a failed request with Retry.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoAnswer } from '../../../test-support/msw/demo-answer.ts';
import { CATMAID_TEST_BASE, demoStore } from '../../../test-support/msw/handlers.ts';
import { server, setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { num, readTable } from '../../../test-support/dom/read-table.ts';
import { mockLayout } from '../../../test-support/dom/mock-layout.ts';
import { renderWithDashboard } from '../../../test-support/dom/render-dashboard.tsx';
import { ConnectivityView } from './ConnectivityView.tsx';

setupCatmaidServer();
mockLayout();

/** PN DM1 left and right in the demo data: 8–17 partners each way, counts from 1 to 37. */
const SOURCES = [1092, 1134] as const;

interface RawSide {
  [partner: string]: { num_nodes: number; skids: Record<string, number[]> };
}
interface RawConnectivity {
  incoming: RawSide;
  outgoing: RawSide;
}

function raw(): RawConnectivity {
  return demoAnswer('POST', '/1/skeletons/connectivity', [
    ...SOURCES.map((s, i): [string, string] => [`source_skeleton_ids[${i}]`, String(s)]),
    ['boolean_op', 'OR'],
  ]) as RawConnectivity;
}

const nameOf = (skid: number) => {
  const p = demoStore().projects.get(1);
  const s = p?.skelById.get(skid);
  if (!p || s === undefined) throw new Error(`no skeleton ${skid} in the demo data`);
  return p.neuron(s).name;
};

/** Partner id → synapses per source (all confidences), for partners with ≥ minSynapses with one source. */
function expectedRows(side: RawSide, minSynapses = 1): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [partner, p] of Object.entries(side)) {
    const counts = SOURCES.map((s) => (p.skids[String(s)] ?? []).reduce((a, b) => a + b, 0));
    if (counts.some((c) => c >= minSynapses)) out.set(Number(partner), counts);
  }
  return out;
}

function shownRows(title: string): Map<number, number[]> {
  return new Map(
    readTable(title).rows.map((r) => [
      num(r['Skeleton ID']),
      SOURCES.map((s) => num(r[countHeader(s)])),
    ]),
  );
}

/** The count column of one source is named after the source neuron. */
const countHeader = (skid: number) => `Synapses with ${nameOf(skid)}`;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function openPartners(url?: string) {
  renderWithDashboard(<ConnectivityView />, {
    selection: SOURCES,
    url: url ? `view=connectivity&${url}` : 'view=connectivity',
  });
  await screen.findByRole('table', { name: 'Upstream partners' });
  // Source names come with the names request: wait for the count columns to carry them.
  await screen.findAllByRole('columnheader', { name: countHeader(SOURCES[0]) });
}

describe('PartnersPanel', () => {
  for (const [title, side] of [
    ['Upstream partners', 'incoming'],
    ['Downstream partners', 'outgoing'],
  ] as const) {
    it(`${title}: rows, per-source counts and footer totals equal the raw answer's sums`, async () => {
      const expected = expectedRows(raw()[side]);
      expect(expected.size).toBeGreaterThan(5);
      await openPartners();
      expect(shownRows(title)).toEqual(expected);

      const footer = readTable(title).footer;
      const perSource = SOURCES.map((_, i) => sum([...expected.values()].map((c) => c[i] ?? 0)));
      expect(SOURCES.map((s) => num(footer?.[countHeader(s)]))).toEqual(perSource);
      expect(num(footer?.Total)).toBe(sum(perSource));
      expect(screen.getByRole('status', { name: `${title} summary` }).textContent).toBe(
        `${expected.size} partners · ${sum(perSource).toLocaleString('en-US')} synapses`,
      );
    });
  }

  it('the synapse threshold keeps only partners with enough synapses with one source', async () => {
    const all = expectedRows(raw().outgoing);
    const strong = expectedRows(raw().outgoing, 5);
    expect(strong.size).toBeLessThan(all.size);
    expect(strong.size).toBeGreaterThan(0);
    await openPartners();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Min synapses' }), {
      target: { value: '5' },
    });
    await waitFor(() => expect(shownRows('Downstream partners')).toEqual(strong));
    const footer = readTable('Downstream partners').footer;
    expect(num(footer?.Total)).toBe(sum([...strong.values()].map(sum)));
  });

  it('a failed connectivity request shows an alert whose Retry loads the tables', async () => {
    server.use(
      http.post(`${CATMAID_TEST_BASE}/1/skeletons/connectivity`, () =>
        HttpResponse.text('Internal Server Error', { status: 500 }),
      ),
    );
    renderWithDashboard(<ConnectivityView />, {
      selection: SOURCES,
      url: 'view=connectivity',
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Connectivity failed/);
    expect(screen.queryByRole('table', { name: 'Upstream partners' })).toBeNull();

    server.resetHandlers();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('table', { name: 'Upstream partners' });
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() =>
      expect(shownRows('Downstream partners').size).toBe(expectedRows(raw().outgoing).size),
    );
  });
});
