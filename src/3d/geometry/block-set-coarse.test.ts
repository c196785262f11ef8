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

  it('appends coarse pairs offset to the block, and starts a block when they do not fit', () => {
    const set = new BlockSet(4, 8, true);
    const piece = (n: number, coarse: number[]) => ({
      positions: new Float32Array(n * 3),
      info: new Uint16Array(n * 4),
      indices: new Uint32Array([1, 0]),
      coarseIndices: Uint32Array.from(coarse),
    });
    set.append(piece(3, [2, 0]), 0);
    set.append(piece(3, [2, 0]), 1);
    const b = set.blocks[0];
    expect([...(b?.coarseIndices?.subarray(0, b.coarseCount) ?? [])]).toEqual([2, 0, 5, 3]);
    expect(b?.dirtyCoarse).toEqual([0, 4]);
    // Block capacity 8 vertices → 8 coarse entries; 6 more do not fit, so a new block.
    set.append(piece(1, [0, 0, 0, 0, 0, 0]), 2);
    expect(set.blocks).toHaveLength(2);
    set.markSynced();
    expect(set.blocks[0]?.dirtyCoarse).toBeNull();
  });
});
