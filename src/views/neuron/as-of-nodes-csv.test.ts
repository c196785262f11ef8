import { describe, expect, it } from 'vitest';
import { classifyAsOf } from '../../analysis/neuron/as-of-changes.ts';
import { node } from '../../analysis/neuron/test-trees.ts';
import { asOfLegend } from './as-of-3d-legend.ts';
import { asOfNodesCsv } from './as-of-nodes-csv.ts';

// Then: 1 – 2 – 3. Now: 2 moved to x=5, 3 deleted, 4 added on 1.
const then = [node(1, null, 0), node(2, 1, 1), node(3, 2, 2)];
const now = [node(1, null, 0), node(2, 1, 5), node(4, 1, 0, 3)];
const changes = classifyAsOf(then, now);

describe('as-of node classes CSV', () => {
  it('lists every node once, sorted by id, with its parent and place then and now', () => {
    expect(asOfNodesCsv(then, now, changes).split('\r\n')).toEqual([
      'node_id,change,parent_then,x_then,y_then,z_then,parent_now,x_now,y_now,z_now',
      '1,kept,,0,0,0,,0,0,0',
      '2,changed,1,1,0,0,1,5,0,0',
      '3,deleted,2,2,0,0,,,,',
      '4,added,,,,,1,0,3,0',
      '',
    ]);
  });
});

describe('as-of legend', () => {
  it('names each colour with its node counts, and hides the grey entry on request', () => {
    const legend = asOfLegend(changes, '2024-05-01', '#112233', true);
    expect(legend.map((e) => [e.change, e.colour])).toEqual([
      ['kept', '#112233'],
      ['gone', '#d62728'],
      ['added', '#b4b4b4'],
    ]);
    expect(legend[0]?.label).toBe('Unchanged since 2024-05-01: 1 node');
    expect(legend[1]?.label).toContain('1 node deleted or split off, 1 node moved or reparented');
    expect(legend[2]?.label).toContain('1 node added');
    expect(asOfLegend(changes, '2024-05-01', '#112233', false)).toHaveLength(2);
  });

  it('"Now" has one entry: today\'s skeleton', () => {
    const legend = asOfLegend(classifyAsOf(now, now), null, '#112233', true);
    expect(legend).toEqual([
      { change: 'kept', colour: '#112233', label: "Today's skeleton: 3 nodes" },
    ]);
  });
});
