import { describe, expect, it } from 'vitest';
import { tagCounts, tagPositions } from './tag-markers.ts';
import { forkTree } from './test-trees.ts';

describe('tag markers', () => {
  // forkTree tags node 4 (40,0,0) "ends"; with somaTag 2, node 2 (20,0,0) "soma".
  const a = forkTree({ somaTag: 2 });
  const b = forkTree();
  it('counts nodes per tag over all skeletons, most used first', () => {
    expect(tagCounts([a, b])).toEqual([
      { tag: 'ends', nodes: 2 },
      { tag: 'soma', nodes: 1 },
    ]);
  });
  it('lists the position of every node carrying the tag', () => {
    expect(tagPositions([a, b], 'ends')).toEqual([40, 0, 0, 40, 0, 0]);
    expect(tagPositions([a, b], 'soma')).toEqual([20, 0, 0]);
    expect(tagPositions([a], 'TODO')).toEqual([]);
  });
});
