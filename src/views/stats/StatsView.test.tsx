/**
 * The stats view's numbers against the demo server's raw answers (stats/aggregates,
 * stats/nodecount, stats/user-history), and a failed request with Retry. Charts are not drawn:
 * plotly is replaced by a loader that never finishes, as jsdom cannot draw them anyway.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { demoAnswer } from '../../../test-support/msw/demo-answer.ts';
import { CATMAID_TEST_BASE, demoStore } from '../../../test-support/msw/handlers.ts';
import { server, setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { num, readTable } from '../../../test-support/dom/read-table.ts';
import { mockLayout } from '../../../test-support/dom/mock-layout.ts';
import { renderWithDashboard } from '../../../test-support/dom/render-dashboard.tsx';
import { StatsView } from './StatsView.tsx';

vi.mock('../../components/plots/load-plotly.ts', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

setupCatmaidServer();
mockLayout();

interface RawAggregates {
  cable_length_total: number;
  n_treenodes: number;
  n_connectors: number;
  n_skeletons: number;
}
interface RawDay {
  new_treenodes?: number;
  new_reviewed_nodes?: number;
  new_cable_length?: number;
  new_connectors?: number;
}
interface RawHistory {
  stats_table: Record<string, Record<string, RawDay>>;
}

const en = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** The project totals as term → shown value. */
function projectTotals(): Record<string, string> {
  const list = screen.getByLabelText('Project totals');
  const out: Record<string, string> = {};
  for (const term of within(list).getAllByRole('term'))
    out[term.textContent ?? ''] = term.nextElementSibling?.textContent ?? '';
  return out;
}

describe('StatsView', () => {
  it('the project summary shows the totals of stats/aggregates and stats/nodecount', async () => {
    const a = demoAnswer('GET', '/1/stats/aggregates') as RawAggregates;
    const counts = demoAnswer('GET', '/1/stats/nodecount') as Record<string, number>;
    renderWithDashboard(<StatsView />, { url: 'view=stats' });
    await waitFor(() => expect(projectTotals().Neurons).not.toBe('—'));
    await waitFor(() => expect(projectTotals()['Users who traced']).not.toBe('—'));
    expect(projectTotals()).toEqual({
      Neurons: en(a.n_skeletons),
      Nodes: en(a.n_treenodes),
      Connectors: en(a.n_connectors),
      Cable: `${en(a.cable_length_total / 1e6, 1)} mm`,
      'Users who traced': String(Object.values(counts).filter((n) => n > 0).length),
    });
  });

  it('a failed totals request (CATMAID error, status 200) shows an alert whose Retry recovers', async () => {
    server.use(
      http.get(`${CATMAID_TEST_BASE}/1/stats/aggregates`, () =>
        HttpResponse.json({
          error: 'canceling statement due to statement timeout',
          type: 'QueryCanceled',
        }),
      ),
    );
    renderWithDashboard(<StatsView />, { url: 'view=stats' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Project totals failed/);
    expect(projectTotals().Neurons).toBe('—');

    server.resetHandlers();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    const a = demoAnswer('GET', '/1/stats/aggregates') as RawAggregates;
    await waitFor(() => expect(projectTotals().Neurons).toBe(en(a.n_skeletons)));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('contributions per user over a chosen range equal the sums of stats/user-history', async () => {
    // One 180-day window in which every demo tracer was active.
    const [start, end] = ['2026-01-01', '2026-06-29'];
    const raw = demoAnswer('GET', '/1/stats/user-history', [
      ['start_date', start],
      ['end_date', end],
      ['time_zone', 'UTC'],
    ]) as RawHistory;
    const login = new Map(demoStore().users.map((u) => [u.id, u.login]));
    const expected = new Map<string, { nodes: number; reviews: number }>();
    for (const [user, days] of Object.entries(raw.stats_table)) {
      const total = (k: keyof RawDay) => Object.values(days).reduce((s, d) => s + (d[k] ?? 0), 0);
      const t = { nodes: total('new_treenodes'), reviews: total('new_reviewed_nodes') };
      const any = t.nodes + t.reviews + total('new_cable_length') + total('new_connectors');
      if (any > 0) expected.set(login.get(Number(user)) ?? `user ${user}`, t);
    }
    expect(expected.size).toBeGreaterThan(3);

    renderWithDashboard(<StatsView />, { url: 'view=stats' });
    const range = screen.getByRole('form', { name: 'Date range' });
    fireEvent.change(within(range).getByRole('textbox', { name: /From/ }), {
      target: { value: start },
    });
    fireEvent.change(within(range).getByRole('textbox', { name: /To/ }), {
      target: { value: end },
    });
    // Show is disabled while the default range loads.
    const show = within(range).getByRole<HTMLButtonElement>('button', { name: 'Show' });
    await waitFor(() => expect(show.disabled).toBe(false));
    fireEvent.click(show);
    await screen.findByRole('status', { name: 'Contributions summary' });
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Contributions summary' }).textContent).toContain(
        start,
      ),
    );
    await waitFor(() =>
      expect(readTable('Contributions per user').rows[0]?.User).not.toMatch(/^user /),
    );
    const table = readTable('Contributions per user');
    expect(
      new Map(
        table.rows.map((r) => [
          r.User,
          { nodes: num(r['New nodes']), reviews: num(r['Reviewed nodes']) },
        ]),
      ),
    ).toEqual(expected);
    const sumNodes = [...expected.values()].reduce((s, t) => s + t.nodes, 0);
    expect(num(table.footer?.['New nodes'])).toBe(sumNodes);
  });
});
