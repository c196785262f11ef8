import { describe, expect, it } from 'vitest';
import { leavesOf, rootsOf } from './arbor.ts';
import { findSoma, summarizeArbor } from './neuron-summary.ts';
import { node, Y_TREE } from './test-trees.ts';

describe('summarizeArbor', () => {
  it('counts nodes, cable, branch points, leaves and the root of a hand-measured tree', () => {
    const s = summarizeArbor(Y_TREE, new Set(), []);
    expect(s).toMatchObject({ nodes: 5, branchPoints: 1, leaves: 2, rootId: 1, pieces: 1 });
    expect(s.cable).toBeCloseTo(16, 9);
    expect(leavesOf(Y_TREE).map((n) => n.nodeId)).toEqual([3, 5]);
  });

  it('counts pre and post links and distinct connectors of present nodes only', () => {
    const links = [
      { nodeId: 3, connectorId: 100, relation: 0 },
      { nodeId: 5, connectorId: 100, relation: 0 },
      { nodeId: 4, connectorId: 101, relation: 1 },
      { nodeId: 99, connectorId: 102, relation: 1 }, // a node that is not in the tree
    ];
    expect(summarizeArbor(Y_TREE, new Set(), links)).toMatchObject({
      pre: 2,
      post: 1,
      connectors: 2,
    });
  });

  it('a single node is its own leaf; a missing parent starts a second piece', () => {
    expect(leavesOf([node(1, null, 0)])).toHaveLength(1);
    const split = [node(1, null, 0), node(2, 1, 1), node(3, 7, 5), node(4, 3, 6)];
    expect(rootsOf(split).map((n) => n.nodeId)).toEqual([1, 3]);
    expect(summarizeArbor(split, new Set(), []).pieces).toBe(2);
    expect(summarizeArbor(split, new Set(), []).cable).toBeCloseTo(2, 9);
  });
});

describe('findSoma', () => {
  const tree = [
    node(1, null, 0, 0, { radius: 700 }),
    node(2, 1, 1, 0, { radius: 300 }),
    node(3, 2, 2, 0, { radius: 900 }),
  ];
  it('prefers the soma tag over a bigger radius', () => {
    expect(findSoma(tree, new Set([2]))).toEqual({ nodeId: 2, rule: 'tag', radius: 300 });
  });
  it('falls back to the largest radius of at least 500 nm', () => {
    expect(findSoma(tree, new Set())).toEqual({ nodeId: 3, rule: 'radius', radius: 900 });
  });
  it('finds none below 500 nm and without the tag', () => {
    expect(findSoma([node(1, null, 0, 0, { radius: 499 })], new Set())).toBeNull();
  });
});
