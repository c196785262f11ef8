import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { compactCoarse } from './coarse-compact.ts';
import {
  buildCoarseParts,
  buildSkeletonPiece,
  LINE_INFO_SIZE,
  pieceTransferables,
} from './skeleton-piece.ts';

/**
 * A 40-node chain (node ids 1..40, node i+1's parent is node i) with a 20-node side branch off
 * node 11 (ids 41..60): x is the node id, so a gathered position names its node. `connectors`:
 * compact-detail connector rows on it.
 */
function tree(connectors: number[][] = []) {
  const nodes: (number | null)[][] = [];
  for (let id = 1; id <= 60; id++) {
    const parent = id === 1 ? null : id === 41 ? 11 : id - 1;
    nodes.push([id, parent, 3 + (id % 5), id, 0, 0, -1, 5]);
  }
  return decodeCompactDetail([nodes, connectors, {}, [], []], 7);
}

describe('the coarse level in compact form', () => {
  it('keeps only the vertices of the coarse pairs, ascending, with their own positions and info', () => {
    const d = tree();
    const p = buildSkeletonPiece(d);
    const used = new Set(p.coarseEdges);
    expect([...p.coarseSource]).toEqual([...used].sort((a, b) => a - b));
    // Decimated: most chain nodes are dropped, yet root, branch point and both leaves stay.
    expect(p.coarseSource.length).toBeLessThan(d.nodeCount / 4);
    const idAt = (local: number) => d.nodeIds[local];
    const keptIds = [...p.coarseSource].map(idAt);
    for (const id of [1, 11, 40, 60]) expect(keptIds).toContain(id);
    p.coarseSource.forEach((local, c) => {
      expect(p.coarsePositions[c * 3]).toBe(d.positions[local * 3]);
      const row = (a: Uint16Array, i: number) => [
        ...a.subarray(i * LINE_INFO_SIZE, (i + 1) * LINE_INFO_SIZE),
      ];
      expect(row(p.coarseInfo, c)).toEqual(row(p.lineInfo, local));
    });
  });

  it('re-indexes the coarse pairs: mapped back through coarseSource they are the pairs', () => {
    const p = buildSkeletonPiece(tree());
    expect(p.coarseCompactEdges.length).toBe(p.coarseEdges.length);
    expect(Math.max(...p.coarseCompactEdges)).toBe(p.coarseSource.length - 1);
    const back = [...p.coarseCompactEdges].map((c) => p.coarseSource[c]);
    expect(back).toEqual([...p.coarseEdges]);
  });

  it('is the same from a cached copy, which keeps only the pairs', () => {
    const d = tree();
    const fresh = buildSkeletonPiece(d);
    const known = {
      strahler: fresh.strahler.slice(),
      lodEdges: fresh.lodEdges.slice(),
      coarseEdges: fresh.coarseEdges.slice(),
    };
    const cached = buildSkeletonPiece(d, known);
    expect([...cached.coarseSource]).toEqual([...fresh.coarseSource]);
    expect([...cached.coarseCompactEdges]).toEqual([...fresh.coarseCompactEdges]);
    expect([...cached.coarsePositions]).toEqual([...fresh.coarsePositions]);
  });

  it('is the same built alone, for a display form (the server), as in the whole piece', () => {
    // With a synapse of each kind too, so the connector rows are compared as well.
    const withSynapses = tree([
      [5, 900, 0, 1, 2, 3],
      [20, 901, 1, 4, 5, 6],
    ]);
    expect(withSynapses.connectors.relations.length).toBe(2);
    for (const d of [tree(), withSynapses]) {
      const whole = buildSkeletonPiece(d);
      const alone = buildCoarseParts(d);
      for (const key of Object.keys(alone) as (keyof typeof alone)[])
        expect([...alone[key]], key).toEqual([...whole[key]]);
    }
  });

  it('is transferred with the piece', () => {
    const p = buildSkeletonPiece(tree());
    const moved = pieceTransferables(p);
    for (const a of [p.coarseSource, p.coarsePositions, p.coarseInfo, p.coarseCompactEdges])
      expect(moved).toContain(a.buffer);
  });

  it('is empty for a skeleton without edges, and ignores pairs out of range', () => {
    const none = compactCoarse(new Uint32Array(0), new Float32Array(6), new Uint16Array(8), 4);
    expect(none.source.length).toBe(0);
    const odd = compactCoarse(
      Uint32Array.from([1, 0, 9, 1]),
      new Float32Array(6),
      new Uint16Array(8),
      4,
    );
    expect([...odd.source]).toEqual([0, 1]);
  });
});
