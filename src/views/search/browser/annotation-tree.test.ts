import { describe, expect, it } from 'vitest';
import { buildAnnotationTree } from './annotation-tree.ts';

describe('annotation tree', () => {
  it('nests sub-annotations under their meta-annotations, roots sorted by name', () => {
    const tree = buildAnnotationTree([
      { id: 1, name: 'classification', parents: [] },
      { id: 2, name: 'cell type', parents: [1] },
      { id: 3, name: 'PN', parents: [2] },
      { id: 4, name: 'KC', parents: [2] },
      { id: 5, name: 'uPN', parents: [3] },
      { id: 6, name: 'papers', parents: [] },
      { id: 7, name: 'Berck 2016', parents: [6] },
      { id: 8, name: 'lonely', parents: [] },
    ]);
    expect(tree.roots).toEqual([1, 6]);
    expect(tree.children.get(2)).toEqual([4, 3]);
    expect(tree.children.get(3)).toEqual([5]);
    expect(tree.unclassified).toBe(1);
  });

  it('keeps annotations in a cycle reachable and ignores unknown or self parents', () => {
    const tree = buildAnnotationTree([
      { id: 1, name: 'a', parents: [2, 1] },
      { id: 2, name: 'b', parents: [1, 99] },
    ]);
    expect(tree.roots).toEqual([1, 2]);
    expect(tree.children.get(1)).toEqual([2]);
  });
});
