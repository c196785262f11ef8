import { describe, expect, it } from 'vitest';
import { dendrogramLayout } from './dendrogram.ts';
import { histogram, niceBinWidth } from './histogram.ts';
import { computeMorphology } from './morphology.ts';
import { shollProfile } from './sholl.ts';
import { findSoma } from './soma.ts';
import { strahlerDistribution } from './strahler-distribution.ts';
import { strahlerOrders } from './strahler.ts';
import { synapsePlacement } from './synapse-placement.ts';
import { forkTree } from './test-trees.ts';
import { branchPoints, leaves, pathDistances, reroot } from './tree.ts';

describe('topology', () => {
  it('finds the branch point and the end nodes (a lone root is no end)', () => {
    const t = forkTree();
    expect(branchPoints(t.parentIndex)).toEqual([2]);
    expect(leaves(t.parentIndex)).toEqual([4, 6]);
    expect(leaves(Int32Array.of(-1))).toEqual([]);
  });

  it('re-roots at a node: directions flip on the way up, breadth-first order', () => {
    const r = reroot(forkTree().parentIndex, 2);
    expect([...r.parent]).toEqual([1, 2, -1, 2, 3, 2, 5]);
    expect([...r.order]).toEqual([2, 1, 3, 5, 0, 4, 6]);
  });

  it('path distances from the origin; unreachable nodes are NaN', () => {
    const t = forkTree();
    expect([...pathDistances(t.positions, reroot(t.parentIndex, 0))]).toEqual([
      0, 10, 20, 30, 40, 30, 33,
    ]);
    expect([...pathDistances(t.positions, reroot(t.parentIndex, 2))]).toEqual([
      20, 10, 0, 10, 20, 10, 13,
    ]);
    const two = pathDistances(
      Float32Array.of(0, 0, 0, 3, 4, 0, 9, 9, 9),
      reroot(Int32Array.of(-1, 0, -1), 0),
    );
    expect([...two]).toEqual([0, 5, Number.NaN]);
  });
});

describe('findSoma', () => {
  it('a soma tag wins over a big radius', () => {
    expect(findSoma(forkTree({ somaTag: 2, radii: [0, 0, 0, 0, 0, 600, 0] }))).toEqual({
      index: 2,
      rule: 'tag',
    });
  });
  it('else the largest radius at or above the threshold', () => {
    const t = forkTree({ radii: [0, 100, 0, 0, 0, 600, 0] });
    expect(findSoma(t)).toEqual({ index: 5, rule: 'radius' });
    expect(findSoma(t, 600)).toEqual({ index: 5, rule: 'radius' });
    expect(findSoma(t, 700)).toEqual({ index: -1, rule: 'none' });
  });
});

describe('Strahler', () => {
  it('orders from the original root and from the soma differ as they should', () => {
    const t = forkTree();
    expect([...strahlerOrders(t.parentIndex)]).toEqual([2, 2, 2, 1, 1, 1, 1]);
    const r = reroot(t.parentIndex, 2);
    const orders = strahlerOrders(r.parent);
    expect([...orders]).toEqual([1, 1, 2, 1, 1, 1, 1]);
    expect(strahlerDistribution(r.parent, t.positions, orders)).toEqual([
      { order: 1, nodes: 6, cable: 53 },
      { order: 2, nodes: 1, cable: 0 },
    ]);
  });
});

describe('synapse placement', () => {
  it('path distance of each pre and post link from the soma; links off the tree dropped', () => {
    const t = forkTree();
    const d = pathDistances(t.positions, reroot(t.parentIndex, 2));
    expect(synapsePlacement(t.connectors, d)).toEqual({ pre: [20], post: [13, 10] });
  });
  it('histograms start at 0 with fixed-width bins', () => {
    expect(histogram([0, 9.9, 10, 25, -1, Number.NaN], 10)).toEqual({
      edges: [0, 10, 20],
      width: 10,
      counts: [2, 1, 1],
    });
    expect(niceBinWidth(3000, 30)).toBe(100);
    expect(niceBinWidth(4500, 30)).toBe(200);
  });
});

describe('Sholl', () => {
  it('counts segments crossing each shell around the soma', () => {
    // Distances from node 2: 20, 10, 0, 10, 20, 10, 13 → shells at 10 and 20 nm.
    expect(shollProfile(forkTree(), 2, 10)).toEqual({ radii: [10, 20], intersections: [3, 2] });
    expect(shollProfile(forkTree(), 0, 15)).toEqual({
      radii: [15, 30],
      // From node 0: 0, 10, 20, 30, 40, 22.4, 23.9 nm: 2-1 crosses 15, 3-2 crosses 30 (20 < 30 <= 30).
      intersections: [1, 1],
    });
  });
});

describe('dendrogram', () => {
  const t = forkTree();
  const r = reroot(t.parentIndex, 2);
  const d = pathDistances(t.positions, r);

  it('lays the key nodes out to scale, one row per leaf, synapses on their stretch', () => {
    const g = dendrogramLayout(t, r, d, 0);
    expect(g.lines).toEqual([
      { node: 0, x0: 0, x1: 20, y: 0 },
      { node: 4, x0: 0, x1: 20, y: 1 },
      { node: 6, x0: 0, x1: 13, y: 2 },
    ]);
    expect(g.verticals).toEqual([{ node: 2, x: 0, y0: 0, y1: 2 }]);
    expect(g.synapses).toEqual([
      { x: 20, y: 1, relation: 'pre' },
      { x: 13, y: 2, relation: 'post' },
      { x: 10, y: 0, relation: 'post' },
    ]);
    expect(g).toMatchObject({ origin: 2, rows: 3, width: 20, collapsedTwigs: 0 });
  });

  it('collapses twigs shorter than the threshold, keeping their synapses at the branch point', () => {
    const g = dendrogramLayout(t, r, d, 15);
    expect(g.lines.map((l) => l.node)).toEqual([0, 4]);
    expect(g.verticals).toEqual([{ node: 2, x: 0, y0: 0, y1: 1 }]);
    expect(g.synapses[1]).toEqual({ x: 0, y: 0.5, relation: 'post' });
    expect(g.collapsedTwigs).toBe(1);
  });

  it('from the root: the path to the branch point is one line, the fork one vertical', () => {
    const r0 = reroot(t.parentIndex, 0);
    const g = dendrogramLayout(t, r0, pathDistances(t.positions, r0), 0);
    expect(g.lines).toEqual([
      { node: 2, x0: 0, x1: 20, y: 0.5 },
      { node: 4, x0: 20, x1: 40, y: 0 },
      { node: 6, x0: 20, x1: 33, y: 1 },
    ]);
    expect(g.verticals).toEqual([{ node: 2, x: 20, y0: 0, y1: 1 }]);
  });
});

describe('computeMorphology', () => {
  it('measures from the soma when tagged, from the root otherwise', () => {
    const m = computeMorphology(forkTree({ somaTag: 2 }), { collapseBelow: 0, shollStep: 10 });
    expect(m).toMatchObject({
      nodeCount: 7,
      origin: 2,
      somaRule: 'tag',
      branchPoints: 1,
      leaves: 2,
      cable: 53,
      maxPathDistance: 20,
      maxStrahler: 2,
    });
    expect(m.sholl.intersections).toEqual([3, 2]);
    const fromRoot = computeMorphology(forkTree(), { collapseBelow: 0, shollStep: 10 });
    expect(fromRoot).toMatchObject({ origin: 0, somaRule: 'none', maxPathDistance: 40 });
    expect(fromRoot.synapses).toEqual({ pre: [40], post: [33, 10] });
  });
  it('an empty skeleton gives empty figures', () => {
    const m = computeMorphology(
      {
        parentIndex: new Int32Array(0),
        positions: new Float32Array(0),
        radii: new Float32Array(0),
        tags: new Map(),
        connectors: { nodeIndex: new Int32Array(0), relations: new Int8Array(0) },
      },
      { collapseBelow: 0, shollStep: 0 },
    );
    expect(m).toMatchObject({ origin: -1, cable: 0, branchPoints: 0, leaves: 0 });
    expect(m.dendrogram.lines).toEqual([]);
  });
});
