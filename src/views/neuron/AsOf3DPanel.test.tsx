/**
 * The as-of 3D panel without WebGL (jsdom): it says the 3D view could not start, yet its legend,
 * its segment counts and the toggle follow the classification of a small hand-made history.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithDashboard } from '../../../test-support/dom/render-dashboard.tsx';
import { arborAsOf, liveArbor } from '../../analysis/neuron/as-of.ts';
import { version } from '../../analysis/neuron/test-trees.ts';
import { AsOf3DPanel } from './AsOf3DPanel.tsx';

// 1 – 2 since 10; 3 on 2 from 20 to 40 (deleted); 4 on 2 added at 50.
const versions = [
  version(1, null, 10, Infinity),
  version(2, 1, 10, Infinity, { x: 1 }),
  version(3, 2, 20, 40, { x: 2 }),
  version(4, 2, 50, Infinity, { y: 3 }),
];

const canvas = () => screen.getByRole('img', { name: 'Neuron in 3D as of date' });

describe('AsOf3DPanel', () => {
  it('colours a past day against today, and hides today on request', async () => {
    renderWithDashboard(
      <AsOf3DPanel
        skeletonId={7}
        name="n7"
        versions={versions}
        arbor={arborAsOf(versions, 30)}
        day="2024-01-02"
      />,
    );
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('The 3D view could not start'),
    );
    const legend = screen.getByRole('list', { name: '3D legend' });
    expect(legend.textContent).toContain('Unchanged since 2024-01-02: 2 nodes');
    expect(legend.textContent).toContain('1 node deleted or split off, 0 nodes moved');
    expect(legend.textContent).toContain('1 node added');
    expect(canvas().dataset).toMatchObject({ keptSegments: '1', goneSegments: '1' });
    expect(canvas().dataset.addedSegments).toBe('1');
    fireEvent.click(screen.getByRole('checkbox', { name: "Show today's skeleton" }));
    expect(canvas().dataset.addedSegments).toBe('0');
    expect(canvas().dataset.segmentCount).toBe('2');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('"Now" draws today alone and the toggle has nothing to do', () => {
    renderWithDashboard(
      <AsOf3DPanel
        skeletonId={7}
        name="n7"
        versions={versions}
        arbor={liveArbor(versions)}
        day={null}
      />,
    );
    expect(canvas().dataset).toMatchObject({ segmentCount: '2', goneSegments: '0' });
    expect(screen.getByRole('checkbox', { name: "Show today's skeleton" })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByRole('list', { name: '3D legend' }).textContent).toBe(
      "Today's skeleton: 3 nodes",
    );
  });
});
