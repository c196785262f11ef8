/**
 * The selection's "Neuron facts" table against the demo server: nodes, cable, review % and last
 * edit as skeletons/summary and review-status answer them, a column chooser that is remembered,
 * and sorting by a fact column. (Columns that need each skeleton's compact-detail load through
 * the worker pool, which jsdom lacks: e2e/morphology.spec.ts covers them.)
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoAnswer } from '../../../../test-support/msw/demo-answer.ts';
import { setupCatmaidServer } from '../../../../test-support/msw/server.ts';
import { mockLayout } from '../../../../test-support/dom/mock-layout.ts';
import { readTable } from '../../../../test-support/dom/read-table.ts';
import { renderWithDashboard } from '../../../../test-support/dom/render-dashboard.tsx';
import { SelectionFacts } from './SelectionFacts.tsx';

setupCatmaidServer();
mockLayout();
afterEach(cleanup);
beforeEach(() => localStorage.clear());

const IDS = [1092, 1134, 1000];
const nameOf = (id: number) => ({ name: `neuron ${id}` });

interface RawSummary {
  num_nodes: number;
  cable_length: number;
  last_edition_time: string;
}

function open() {
  renderWithDashboard(<SelectionFacts skeletonIds={IDS} nameOf={nameOf} />);
  fireEvent.click(screen.getByRole('button', { name: 'Neuron facts' }));
}

describe('SelectionFacts', () => {
  it('shows the summary and review facts the server answers', async () => {
    const summary = demoAnswer(
      'POST',
      '/1/skeletons/summary',
      IDS.map((id, k) => [`skeleton_ids[${k}]`, String(id)]),
    ) as Record<string, RawSummary>;
    const review = demoAnswer(
      'POST',
      '/1/skeletons/review-status',
      IDS.map((id, k) => [`skeleton_ids[${k}]`, String(id)]),
    ) as Record<string, [number, number]>;
    open();
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Facts status' }).textContent).toBe('3 neurons'),
    );
    const rows = readTable('Neuron facts').rows;
    for (const id of IDS) {
      const row = rows.find((r) => r['Skeleton ID'] === String(id));
      const s = summary[String(id)];
      const [total = 0, reviewed = 0] = review[String(id)] ?? [];
      if (!row || !s) throw new Error(`no row or summary for ${id}`);
      expect(row.Nodes).toBe(s.num_nodes.toLocaleString('en-US'));
      expect(row['Cable (µm)']).toBe(
        (s.cable_length / 1000).toLocaleString('en-US', {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }),
      );
      expect(row['Review %']).toBe(((100 * reviewed) / total).toFixed(1));
      expect(row['Last edited']).toBe(s.last_edition_time.slice(0, 10));
    }
  });

  it('the column choice is remembered, and a fact column sorts', async () => {
    open();
    const chooser = screen.getByRole('group', { name: 'Columns' });
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Review %' }));
    fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Cable (µm)' }));
    expect(readTable('Neuron facts').headers).toEqual([
      'Neuron',
      'Skeleton ID',
      'Nodes',
      'Last edited',
    ]);
    cleanup();
    open();
    expect(readTable('Neuron facts').headers).toEqual([
      'Neuron',
      'Skeleton ID',
      'Nodes',
      'Last edited',
    ]);
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Facts status' }).textContent).toBe('3 neurons'),
    );
    fireEvent.click(screen.getByRole('button', { name: /^Nodes/ }));
    const nodes = readTable('Neuron facts').rows.map((r) => Number(r.Nodes?.replace(/,/g, '')));
    expect(nodes).toEqual([...nodes].sort((a, b) => b - a));
  });
});
