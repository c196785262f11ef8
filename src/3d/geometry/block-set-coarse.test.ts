import { describe, expect, it } from 'vitest';
import { BlockSet } from './block-set.ts';
import { decimatedEdges, decimatedLevels } from './skeleton-piece.ts';

/** A single unbranched run 0 ← 1 ← … ← n-1 (node i's parent is i-1). */
function chain(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i - 1);
}

describe('coarse detail level', () => {
  it('decimates a run to every 16th node plus its ends', () => {
    const coarse = decimatedEdges(chain(40), 16);
    // From the leaf (39) up: 39→23, 23→7, 7→0 (the root ends the run).
    expect([...coarse]).toEqual([39, 23, 23, 7, 7, 0]);
    expect(decimatedEdges(chain(40), 4).length).toBeGreaterThan(coarse.length);
  });

  it('computes both levels in one walk, each equal to its own decimation', () => {
    // A chain of 40 with a 25-node side branch off node 10.
    const parents = Int32Array.from({ length: 65 }, (_, i) => (i === 40 ? 10 : i - 1));
    const [lod, coarse] = decimatedLevels(parents, [4, 16]);
    expect([...(lod ?? [])]).toEqual([...decimatedEdges(parents, 4)]);
    expect([...(coarse ?? [])]).toEqual([...decimatedEdges(parents, 16)]);
  });

  /** A piece of n vertices (x = 10·i + first), with compact coarse vertices `kept`. */
  function piece(n: number, kept: number[], pairs: number[], first = 0) {
    const positions = Float32Array.from({ length: n * 3 }, (_, k) =>
      k % 3 === 0 ? 10 * (k / 3) + first : 0,
    );
    const info = new Uint16Array(n * 4);
    return {
      positions,
      info,
      indices: new Uint32Array([1, 0]),
      coarse: {
        source: Uint32Array.from(kept),
        positions: Float32Array.from(
          kept.flatMap((v) => [...positions.subarray(v * 3, v * 3 + 3)]),
        ),
        info: new Uint16Array(kept.length * 4),
        indices: Uint32Array.from(pairs),
      },
    };
  }

  it('appends compact vertices and pairs, offset within the block, with the slot and a map', () => {
    const set = new BlockSet(4, 16, true);
    // Three vertices, the first and last kept: one coarse edge 2 → 0, compact 1 → 0.
    const a = set.append(piece(3, [0, 2], [1, 0]), 5);
    const b = set.append(piece(3, [0, 2], [1, 0], 100), 6);
    expect(b).toMatchObject({ vertexStart: 3, coarseVertexStart: 2, coarseVertexCount: 2 });
    expect(a).toMatchObject({ coarseVertexStart: 0, coarseVertexCount: 2 });
    const blk = set.blocks[0];
    if (!blk?.coarseSource || !blk.coarseIndices || !blk.coarseInfo || !blk.coarsePositions)
      throw new Error('no coarse arrays');
    expect(blk.coarseVertexCount).toBe(4);
    expect([...blk.coarseIndices.subarray(0, blk.coarseCount)]).toEqual([1, 0, 3, 2]);
    // compact → block vertex: each compact vertex names the same node as in the full arrays.
    expect([...blk.coarseSource.subarray(0, 4)]).toEqual([0, 2, 3, 5]);
    for (let c = 0; c < 4; c++) {
      const v = blk.coarseSource[c] ?? -1;
      expect(blk.coarsePositions[c * 3]).toBe(blk.positions[v * 3]);
      expect(blk.coarseInfo[c * 4]).toBe(blk.info[v * 4]);
    }
    expect([0, 1, 2, 3].map((c) => blk.coarseInfo?.[c * 4])).toEqual([5, 5, 6, 6]);
    expect(blk.dirtyCoarseVertices).toEqual([0, 4]);
    expect(blk.dirtyCoarse).toEqual([0, 4]);
    set.markSynced();
    expect(blk.dirtyCoarse).toBeNull();
    expect(blk.dirtyCoarseVertices).toBeNull();
  });

  it('writes per-node codes into the compact copies of the kept vertices too', () => {
    const set = new BlockSet(4, 16, true);
    set.append(piece(3, [0, 2], [1, 0]), 0);
    const p = set.append(piece(4, [0, 3], [1, 0]), 1);
    set.markSynced();
    set.setInfoComponent(p, 3, [11, 12, 13, 14]);
    const blk = set.blocks[0];
    expect([0, 1, 2, 3].map((c) => blk?.coarseInfo?.[c * 4 + 3])).toEqual([0, 0, 11, 14]);
    expect([3, 4, 5, 6].map((v) => blk?.info[v * 4 + 3])).toEqual([11, 12, 13, 14]);
    expect(blk?.rewrittenCoarseInfo).toEqual([2, 4]);
    expect(blk?.rewrittenInfo).toEqual([3, 7]);
    set.markSynced();
    expect(blk?.rewrittenCoarseInfo).toBeNull();
  });

  it('starts a block when the compact vertices do not fit', () => {
    // 16 vertices per block → 4 compact vertices.
    const set = new BlockSet(4, 16, true);
    set.append(piece(3, [0, 2], [1, 0]), 0);
    set.append(piece(3, [0, 1, 2], [1, 0, 2, 1]), 1);
    expect(set.blocks).toHaveLength(2);
    expect(set.blocks[1]?.coarseVertexCount).toBe(3);
    // A piece keeping more than a block's share gets compact arrays of its size.
    const many = Array.from({ length: 9 }, (_, i) => i);
    set.append(piece(9, many, [1, 0]), 2);
    expect(set.blocks).toHaveLength(3);
    expect(set.blocks[2]?.coarseSource?.length).toBe(9);
  });

  it('keeps no coarse arrays in point blocks', () => {
    const set = new BlockSet(2, 16, false);
    const p = set.append({ positions: new Float32Array(3), info: new Uint16Array(2) }, 0);
    expect(p.coarseVertexCount).toBe(0);
    expect(set.blocks[0]?.coarseSource).toBeNull();
  });
});
