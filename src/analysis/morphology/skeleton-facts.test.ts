import { describe, expect, it } from 'vitest';
import { skeletonFacts } from './skeleton-facts.ts';
import { forkTree } from './test-trees.ts';

describe('skeletonFacts', () => {
  it('counts as traced: one branch point, two ends, one pre and two post links', () => {
    // The fork has 2 post links (on 6 and 1) and 2 pre links (on 4 and one off the tree): a link
    // whose node is outside the live tree still counts, as CATMAID's own counts do.
    expect(skeletonFacts(forkTree({ somaTag: 2 }))).toEqual({
      branchPoints: 1,
      leaves: 2,
      soma: 'tag',
      pre: 2,
      post: 2,
    });
    expect(skeletonFacts(forkTree({ radii: [0, 0, 0, 0, 0, 900, 0] })).soma).toBe('radius');
    expect(skeletonFacts(forkTree()).soma).toBe('none');
  });
});
