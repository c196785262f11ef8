import { describe, expect, it } from 'vitest';
import {
  findPaths,
  pathEdges,
  pathLayers,
  pathNeurons,
  pathsCsv,
  sortPaths,
} from './circuit-paths.ts';

const A = 1;
const B = 2;
const X = 10;
const Y = 11;
const Z = 12;
/** Hand-made circuit: A→X 5, X→B 3, A→Y 2, Y→Z 4, Z→B 6, A→B 1, X→Y 7, Z→X 2, B→A 9. */
const adj = new Map<number, Map<number, number>>([
  [
    A,
    new Map([
      [X, 5],
      [Y, 2],
      [B, 1],
    ]),
  ],
  [
    X,
    new Map([
      [B, 3],
      [Y, 7],
    ]),
  ],
  [Y, new Map([[Z, 4]])],
  [
    Z,
    new Map([
      [B, 6],
      [X, 2],
    ]),
  ],
  [B, new Map([[A, 9]])],
]);
const routes = (r: ReturnType<typeof findPaths>) => r.paths.map((p) => p.neurons.join('>'));

describe('findPaths', () => {
  it('finds every path of at most 3 hops, with per-hop synapses', () => {
    const r = findPaths(adj, { sources: [A], targets: [B], maxHops: 3, minSynapses: 1 });
    expect(routes(r).sort()).toEqual(['1>10>2', '1>11>12>2', '1>2'].sort());
    const viaY = r.paths.find((p) => p.neurons.length === 4);
    expect(viaY?.hops).toEqual([2, 4, 6]);
    expect(viaY?.weakest).toBe(2);
    expect(r.truncated).toBe(false);
  });

  it('drops paths with a hop below the synapse threshold', () => {
    expect(
      routes(findPaths(adj, { sources: [A], targets: [B], maxHops: 3, minSynapses: 2 })).sort(),
    ).toEqual(['1>10>2', '1>11>12>2']);
    expect(
      routes(findPaths(adj, { sources: [A], targets: [B], maxHops: 3, minSynapses: 3 })),
    ).toEqual(['1>10>2']);
  });

  it('allows longer paths with more hops and never repeats a neuron', () => {
    const r = findPaths(adj, { sources: [A], targets: [B], maxHops: 4, minSynapses: 1 });
    expect(routes(r).sort()).toEqual(
      ['1>10>11>12>2', '1>10>2', '1>11>12>10>2', '1>11>12>2', '1>2'].sort(),
    );
    for (const p of r.paths) expect(new Set(p.neurons).size).toBe(p.neurons.length);
  });

  it('stops at the limit and says so', () => {
    const r = findPaths(adj, { sources: [A], targets: [B], maxHops: 4, minSynapses: 1, limit: 2 });
    expect(r.paths).toHaveLength(2);
    expect(r.truncated).toBe(true);
  });

  it('finds nothing between unconnected sets', () => {
    expect(
      findPaths(adj, { sources: [B], targets: [Z], maxHops: 1, minSynapses: 1 }).paths,
    ).toEqual([]);
  });
});

describe('path helpers', () => {
  const r = findPaths(adj, { sources: [A], targets: [B], maxHops: 3, minSynapses: 1 });
  it('sorts by weakest hop, strongest first', () => {
    expect(sortPaths(r.paths, 'weakest').map((p) => p.weakest)).toEqual([3, 2, 1]);
    expect(sortPaths(r.paths, 'length').map((p) => p.hops.length)).toEqual([1, 2, 3]);
  });
  it('lists neurons, edges and layers (A left, B right)', () => {
    expect(pathNeurons(r.paths).sort((a, b) => a - b)).toEqual([A, B, X, Y, Z]);
    expect(pathEdges(r.paths)).toHaveLength(6);
    const layers = pathLayers(r.paths, [A], [B]);
    expect(layers.get(A)).toBe(0);
    expect(layers.get(B)).toBe(3);
    expect(layers.get(X)).toBe(1);
    expect(layers.get(Z)).toBe(2);
  });
  it('exports one CSV row per path', () => {
    const csv = pathsCsv(sortPaths(r.paths, 'weakest'), new Map([[A, 'PN a']]));
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('PN a (1) → 10 (10) → 2 (2)');
    expect(lines[1]).toContain('5 / 3');
  });
});
