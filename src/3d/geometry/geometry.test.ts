import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { BlockSet } from './block-set.ts';
import { SceneModel } from './scene-model.ts';
import {
  buildSkeletonPiece,
  CONNECTOR_KIND,
  decimatedEdges,
  LINE_INFO_SIZE,
  skeletonEdges,
} from './skeleton-piece.ts';
import { maxOrder, strahlerOrders } from '../../analysis/morphology/strahler.ts';

// 0 root; 1,2 children of 0; 3,4 children of 1; 5 child of 2.
const parents = Int32Array.from([-1, 0, 0, 1, 1, 2]);

function detail(skid: number, offset = 0) {
  const nodes = [
    [offset + 1, null, 3, 0, 0, 0, 500, 5],
    [offset + 2, offset + 1, 3, 10, 0, 0, -1, 5],
    [offset + 3, offset + 1, 4, 0, 10, 0, -1, 5],
    [offset + 4, offset + 2, 4, 20, 0, 5, -1, 5],
  ];
  const connectors = [
    [offset + 4, 900, 0, 21, 0, 5],
    [offset + 3, 901, 1, 0, 11, 0],
  ];
  return decodeCompactDetail([nodes, connectors, { soma: [offset + 1] }, [], []], skid);
}

describe('Strahler order', () => {
  it('is 1 at leaves and rises only where two equal orders meet', () => {
    // leaves 3,4,5 → 1; node 1 has two order-1 children → 2; node 2 has one → 1; root: 2 and 1 → 2.
    expect([...strahlerOrders(parents)]).toEqual([2, 2, 1, 1, 1, 1]);
    expect(maxOrder(strahlerOrders(parents))).toBe(2);
  });

  it('handles a single node, a chain and a cycle without throwing', () => {
    expect([...strahlerOrders(Int32Array.from([-1]))]).toEqual([1]);
    expect([...strahlerOrders(Int32Array.from([-1, 0, 1]))]).toEqual([1, 1, 1]);
    expect([...strahlerOrders(Int32Array.from([1, 0]))]).toEqual([1, 1]);
  });

  it('is order 3 for a full binary tree of depth 2', () => {
    const p = Int32Array.from([-1, 0, 0, 1, 1, 2, 2]);
    expect(strahlerOrders(p)[0]).toBe(3);
  });
});

describe('skeleton pieces', () => {
  it('has one edge per non-root node, with indices in range', () => {
    const e = skeletonEdges(parents);
    expect(e.length).toBe(2 * 5);
    expect(Math.max(...e)).toBeLessThan(parents.length);
    expect([...e.slice(0, 2)]).toEqual([1, 0]);
  });

  it('decimates unbranched runs but keeps roots, branch points and leaves', () => {
    const chain = Int32Array.from({ length: 10 }, (_, i) => i - 1);
    expect([...decimatedEdges(chain, 4)]).toEqual([9, 5, 5, 1, 1, 0]);
    // Branch points and leaves stay; the lone chain node 2 (between root and leaf 5) goes.
    const e = [...decimatedEdges(parents, 4)];
    expect(e).toEqual([1, 0, 3, 1, 4, 1, 5, 0]);
  });

  it('carries strahler order, creator and connector kinds', () => {
    const d = detail(7);
    const p = buildSkeletonPiece(d);
    expect(p.lineInfo.length).toBe(d.nodeCount * LINE_INFO_SIZE);
    expect(p.lineInfo[1 * LINE_INFO_SIZE + 2]).toBe(3); // creator of node index 1
    expect(p.connectorInfo[1]).toBe(CONNECTOR_KIND.pre);
    expect(p.connectorInfo[3]).toBe(CONNECTOR_KIND.post);
  });
});

describe('merged layers', () => {
  it('appends pieces with offset indices and slot ids, and picks back', () => {
    const model = new SceneModel();
    const a = detail(7);
    const b = detail(8, 100);
    model.add(a, buildSkeletonPiece(a));
    model.add(b, buildSkeletonPiece(b));
    model.add(b, buildSkeletonPiece(b)); // duplicate: ignored
    const block = model.lines.blocks[0];
    expect(model.lines.blocks).toHaveLength(1);
    expect(block?.vertexCount).toBe(8);
    expect(block?.indexCount).toBe(12);
    const idx = [...(block?.indices?.subarray(0, 12) ?? [])];
    expect(Math.min(...idx.slice(6))).toBeGreaterThanOrEqual(4);
    expect(Math.max(...idx)).toBeLessThan(8);
    expect(block?.info[4 * LINE_INFO_SIZE]).toBe(1); // second skeleton's slot
    expect(block?.dirtyVertices).toEqual([0, 8]);
    // The decimated index reuses the same vertices: chain node 1 is skipped in each tree.
    expect(block?.lodCount).toBe(8);
    expect(block?.dirtyLod).toEqual([0, 8]);
    expect(model.pick(0, 5)).toMatchObject({ record: { skeletonId: 8 }, nodeIndex: 1 });
    expect(model.pick(0, 99)).toBeNull();
    expect(model.somata.map((s) => s.skeletonId)).toEqual([7, 8]);
    expect(model.nodeCount).toBe(8);
    expect(model.bounds.max[0]).toBe(20);
    expect(model.points.vertexCount).toBe(4);
  });

  it('starts a new block when full, and gives an oversized piece its own block', () => {
    const set = new BlockSet(2, 4, true);
    const piece = (n: number) => ({
      positions: new Float32Array(n * 3),
      info: new Uint16Array(n * 2),
      indices: Uint32Array.from({ length: (n - 1) * 2 }, (_, i) =>
        i % 2 === 0 ? (i >> 1) + 1 : i >> 1,
      ),
    });
    expect(set.append(piece(3), 0).blockId).toBe(0);
    expect(set.append(piece(3), 1)).toMatchObject({ blockId: 1, vertexStart: 0 });
    const big = set.append(piece(10), 2);
    expect(big.blockId).toBe(2);
    expect(set.blocks[2]?.capacity).toBe(10);
    set.markSynced();
    expect(set.blocks.every((b) => b.dirtyVertices === null)).toBe(true);
  });
});
