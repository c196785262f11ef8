import { describe, expect, it } from 'vitest';
import { completeness, tagTable } from './tag-table.ts';

const tags = [
  { tag: 'ends', nodeId: 3, time: 0 },
  { tag: 'ends', nodeId: 5, time: 0 },
  { tag: 'TODO', nodeId: 4, time: 0 },
  { tag: 'my note', nodeId: 4, time: 0 },
  { tag: 'ends', nodeId: 99, time: 0 }, // not a live node
];

describe('tagTable', () => {
  it('counts tags on live nodes, most used first, and marks checklist tags', () => {
    expect(tagTable(tags, new Set([1, 2, 3, 4, 5]))).toEqual([
      { tag: 'ends', count: 2, nodeIds: [3, 5], checklist: true },
      { tag: 'my note', count: 1, nodeIds: [4], checklist: false },
      { tag: 'TODO', count: 1, nodeIds: [4], checklist: true },
    ]);
  });
});

describe('completeness', () => {
  it('open ends are leaves without an end tag', () => {
    const c = completeness([3, 5, 6, 7], [...tags, { tag: 'uncertain end', nodeId: 7, time: 0 }]);
    expect(c).toEqual({ leaves: 4, closedEnds: 3, openEnds: [6], todo: [4] });
  });
  it('a TODO is not an end tag', () => {
    expect(completeness([4], tags).openEnds).toEqual([4]);
  });
});
