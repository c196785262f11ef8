/**
 * The Neuron view against the demo data (through MSW): a garbled skid says so, and a real one
 * shows its name and the node count the demo data holds (plotly figures are not drawn).
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { demoStore } from '../../../test-support/msw/handlers.ts';
import { setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { mockLayout } from '../../../test-support/dom/mock-layout.ts';
import { renderWithDashboard } from '../../../test-support/dom/render-dashboard.tsx';
import { NeuronView } from './NeuronView.tsx';

// jsdom cannot draw plotly figures: its loader never finishes here.
vi.mock('../../components/plots/load-plotly.ts', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

// Section 6 loads its skeleton through the worker pool, which jsdom lacks; it has its own
// component test (morphology/MorphologySection.test.tsx) and e2e (neuron-morphology.spec.ts).
vi.mock('./morphology/MorphologySection.tsx', () => ({ MorphologySection: () => null }));

setupCatmaidServer();
mockLayout(600);

describe('NeuronView', () => {
  it('says a garbled skid is not a skeleton id', async () => {
    renderWithDashboard(<NeuronView />, { url: 'view=neuron&skid=12ab' });
    expect(await screen.findByText(/"12ab" is not a skeleton id/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open neuron' })).toHaveProperty('disabled', true);
  });

  it('shows the neuron with the node count of the demo data', async () => {
    const p = demoStore().projects.get(1);
    const skid = p ? [...p.skelById.keys()][3] : undefined;
    const s = skid === undefined ? undefined : p?.skelById.get(skid);
    if (!p || skid === undefined || s === undefined) throw new Error('no demo skeleton');
    const [n0, n1] = p.nodeRange(s);
    renderWithDashboard(<NeuronView />, { url: `view=neuron&skid=${skid}` });
    expect(
      await screen.findByRole('heading', { level: 1, name: new RegExp(`^${p.neuron(s).name}`) }),
    ).toBeTruthy();
    const nodes = await screen.findByText((_, el) => el?.getAttribute('data-fact') === 'nodes');
    expect(nodes.textContent).toBe((n1 - n0).toLocaleString('en-US'));
  });
});
