import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { IncomingSkeletons } from './incoming-skeletons.ts';
import { SceneModel } from './scene-model.ts';
import { buildSkeletonPiece } from './skeleton-piece.ts';

function item(skid: number) {
  const o = skid * 10;
  const detail = decodeCompactDetail(
    [
      [
        [o + 1, null, 3, 0, 0, 0, 500, 5],
        [o + 2, o + 1, 3, 10, 0, 0, -1, 5],
      ],
      [],
      { soma: [o + 1] },
      [],
      [],
    ],
    skid,
  );
  return { detail, piece: buildSkeletonPiece(detail) };
}

describe('IncomingSkeletons', () => {
  it('queues each skeleton once and moves them into the model in arrival order', () => {
    const q = new IncomingSkeletons();
    expect(q.push(item(1))).toBe(true);
    expect(q.push(item(1))).toBe(false);
    q.push(item(2));
    expect(q.size).toBe(2);
    const model = new SceneModel();
    expect(q.drainInto(model, Infinity, () => 0)).toBe(2);
    expect(model.records.map((r) => [r.skeletonId, r.slot])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(q.size).toBe(0);
    expect(q.push(item(1))).toBe(true); // may be queued again once it has left the queue
  });

  it('stops when the time budget is spent, but always moves at least one', () => {
    const q = new IncomingSkeletons();
    for (const id of [1, 2, 3, 4]) q.push(item(id));
    let clock = 0;
    const now = () => (clock += 5); // every reading: 5 ms later
    const model = new SceneModel();
    expect(q.drainInto(model, 0, now)).toBe(1);
    expect(q.drainInto(model, 7, now)).toBe(2);
    expect(q.size).toBe(1);
    expect(q.drainInto(model, 7, now)).toBe(1);
    expect(model.records.map((r) => r.skeletonId)).toEqual([1, 2, 3, 4]);
    expect(q.drainInto(model, 7, now)).toBe(0);
  });
});

describe('IncomingSkeletons node count', () => {
  it('counts the nodes queued, and no longer those moved into the model', () => {
    const q = new IncomingSkeletons();
    q.push(item(1));
    q.push(item(1));
    q.push(item(2));
    expect(q.nodeCount).toBe(4);
    let t = 0;
    q.drainInto(new SceneModel(), 5, () => (t += 10));
    expect(q.nodeCount).toBe(2);
    q.drainInto(new SceneModel(), Infinity, () => 0);
    expect(q.nodeCount).toBe(0);
  });
});
