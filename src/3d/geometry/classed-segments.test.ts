import { describe, expect, it } from 'vitest';
import { classedSegments, type ClassedEdge } from './classed-segments.ts';

type Change = 'kept' | 'gone' | 'added';
const p = (x: number, y = 0, z = 0) => ({ x, y, z });
const edges: ClassedEdge<Change>[] = [
  { child: p(1), parent: p(0), change: 'kept' },
  { child: p(2, 5), parent: p(1), change: 'gone' },
  { child: p(2, 6, 7), parent: p(1), change: 'added' },
];
const BLUE = [0, 0, 1] as const;
const RED = [1, 0, 0] as const;
const GREY = [0.8, 0.8, 0.8] as const;
const classes: Change[] = ['kept', 'gone', 'added'];

describe('classedSegments', () => {
  it('draws one segment per edge, parent to child, in its class colour', () => {
    const s = classedSegments(edges, { kept: BLUE, gone: RED, added: GREY }, classes);
    expect(s.segmentCount).toBe(3);
    expect(s.counts).toEqual({ kept: 1, gone: 1, added: 1 });
    expect([...s.positions]).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 0, 2, 5, 0, 1, 0, 0, 2, 6, 7]);
    expect([...s.colours.subarray(0, 6)]).toEqual([0, 0, 1, 0, 0, 1]);
    expect([...s.colours.subarray(6, 12)]).toEqual([1, 0, 0, 1, 0, 0]);
    expect(s.colours[12]).toBeCloseTo(0.8);
  });

  it('leaves out a class without a colour, and counts it as 0', () => {
    const s = classedSegments(edges, { kept: BLUE, gone: RED }, classes);
    expect(s.segmentCount).toBe(2);
    expect(s.counts).toEqual({ kept: 1, gone: 1, added: 0 });
    expect(s.positions).toHaveLength(12);
  });
});
