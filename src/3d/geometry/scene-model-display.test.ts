import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { displayPieceOf } from './display-piece.ts';
import { SceneModel } from './scene-model.ts';
import { buildSkeletonPiece } from './skeleton-piece.ts';

/** A 50-node chain (node i's parent is node i-1, x = 100·i) with its soma tagged at the root. */
function skeleton(skeletonId: number, nodes = 50, x0 = 0) {
  const rows: (number | null)[][] = [];
  for (let i = 1; i <= nodes; i++) {
    rows.push([
      skeletonId * 1000 + i,
      i === 1 ? null : skeletonId * 1000 + i - 1,
      4,
      x0 + 100 * i,
      0,
      0,
      -1,
      5,
    ]);
  }
  const detail = decodeCompactDetail(
    [rows, [], { soma: [skeletonId * 1000 + 1] }, [], []],
    skeletonId,
  );
  const piece = buildSkeletonPiece(detail);
  return { detail, piece, display: displayPieceOf(detail, piece) };
}

describe('SceneModel display first', () => {
  it('draws the display form: coarse level, soma, counts and bounds, nothing pickable yet', () => {
    const model = new SceneModel();
    const a = skeleton(1);
    model.addDisplay(a.display);
    expect(model.has(1)).toBe(true);
    expect(model.bySkeleton.has(1)).toBe(false);
    expect(model.slotSkeleton).toEqual([1]);
    expect(model.nodeCount).toBe(50);
    expect(model.bounds).toEqual({ min: [100, 0, 0], max: [5000, 0, 0] });
    expect(model.somata).toHaveLength(1);
    const block = model.lines.blocks[0];
    expect(block?.coarseCount).toBe(a.piece.coarseCompactEdges.length);
    expect(block?.indexCount).toBe(0);
    // Reserved, not written: the full vertices are not drawn or uploaded.
    expect(block?.vertexCount).toBe(50);
    expect(block?.dirtyVertices).toBeNull();
    expect(model.pick(0, 10)).toBeNull();
  });

  it('fills the reserved vertices when the full skeleton arrives, in any order', () => {
    const model = new SceneModel();
    const a = skeleton(1);
    const b = skeleton(2, 30, 10_000);
    model.addDisplay(a.display);
    model.addDisplay(b.display);
    const drawn = model.drawnVersion;
    const coarse = model.lines.blocks[0]?.coarseCount;
    model.add(b.detail, b.piece);
    model.add(a.detail, a.piece);
    expect(model.drawnVersion).toBe(drawn); // nothing new on screen
    expect(model.displayed.size).toBe(0);
    const ra = model.bySkeleton.get(1);
    const rb = model.bySkeleton.get(2);
    expect(ra?.slot).toBe(0);
    expect(rb?.slot).toBe(1);
    expect(ra?.lines.vertexStart).toBe(0);
    expect(rb?.lines.vertexStart).toBe(50);
    const block = model.lines.blocks[0];
    expect(block?.positions[50 * 3]).toBe(10_100);
    expect(block?.positions[3]).toBe(200);
    expect(block?.indexCount).toBe(a.piece.edges.length + b.piece.edges.length);
    expect(block?.coarseCount).toBe(coarse); // no second coarse copy
    expect(block?.rewrittenVertices).toEqual([0, 80]);
    expect(model.nodeCount).toBe(80);
    expect(model.somata).toHaveLength(2);
    // Picking finds both, although the second was filled first.
    expect(model.pick(0, 10)).toEqual({ record: ra, nodeIndex: 10 });
    expect(model.pick(0, 55)).toEqual({ record: rb, nodeIndex: 5 });
  });

  it('gives a skeleton edited in between vertices of its own, keeping the counts right', () => {
    const model = new SceneModel();
    const old = skeleton(1, 50);
    model.addDisplay(old.display);
    const edited = skeleton(1, 60);
    const record = model.add(edited.detail, edited.piece);
    expect(record.slot).toBe(0);
    expect(record.lines.vertexStart).toBe(50);
    expect(model.nodeCount).toBe(60);
    expect(model.somata).toHaveLength(1);
    expect(model.pick(0, 55)).toEqual({ record, nodeIndex: 5 });
  });

  it('takes a display form only for a skeleton not drawn yet', () => {
    const model = new SceneModel();
    const a = skeleton(1);
    model.add(a.detail, a.piece);
    model.addDisplay(a.display);
    expect(model.displayed.size).toBe(0);
    expect(model.slotSkeleton).toEqual([1]);
    expect(model.nodeCount).toBe(50);
  });
});
