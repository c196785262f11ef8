import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { buildSkeletonPiece } from '../geometry/skeleton-piece.ts';
import { ViewerEngine } from './viewer-engine.ts';

const NODES = [
  [11, null, 3, 0, 0, 0, 500, 5],
  [12, 11, 3, 10, 0, 0, -1, 5],
];

function answer(skid: number, full: boolean) {
  const detail = decodeCompactDetail(
    full ? [NODES, [[12, 900, 1, 10, 5, 0]], { soma: [11] }, [], []] : [NODES, [], {}, [], []],
    skid,
  );
  return { detail, piece: buildSkeletonPiece(detail) };
}

describe('ViewerEngine.addExtras (geometry first)', () => {
  it('applies connectors and tags once the skeleton is in the model, even when they arrive first', () => {
    const engine = new ViewerEngine();
    engine.addSkeletons([answer(1, false)]);
    // The second answer may arrive before the frame loop moved the skeleton in.
    engine.addExtras([answer(1, true)]);
    const first = engine.sync();
    expect(first.changed).toBe(true);
    expect(first.pending).toBe(false);
    expect(engine.model.somata.map((s) => s.skeletonId)).toEqual([1]);
    expect(engine.model.bySkeleton.get(1)?.connectors?.vertexCount).toBe(1);
  });

  it('drops the extras of a skeleton that is neither drawn nor on its way', () => {
    const engine = new ViewerEngine();
    engine.addExtras([answer(2, true)]);
    expect(engine.sync().pending).toBe(false);
    expect(engine.model.somata).toEqual([]);
    expect(engine.model.records).toHaveLength(0);
  });
});

describe('ViewerEngine bounds hint', () => {
  const hint = {
    min: [0, 0, 0] as [number, number, number],
    max: [9, 9, 9] as [number, number, number],
  };

  it('counts the hint only while neurons load or wait to enter the model', () => {
    const engine = new ViewerEngine();
    engine.setBoundsHint(hint);
    expect(engine.expectedBounds()).toBeNull();
    engine.loading = true;
    expect(engine.expectedBounds()).toEqual(hint);
    engine.loading = false;
    engine.addSkeletons([answer(1, false)]);
    expect(engine.expectedBounds(), 'a skeleton not yet in the model').toEqual(hint);
    engine.sync();
    expect(engine.expectedBounds()).toBeNull();
  });

  it('tells the camera at the next sync when the hint is set and when it stops counting', () => {
    const engine = new ViewerEngine();
    let calls = 0;
    engine.onModelChange(() => calls++);
    engine.sync();
    const base = calls;
    engine.loading = true;
    engine.setBoundsHint(hint);
    engine.sync();
    expect(calls).toBe(base + 1);
    engine.sync();
    expect(calls, 'nothing changed').toBe(base + 1);
    engine.loading = false;
    engine.sync();
    expect(calls, 'the hint no longer counts').toBe(base + 2);
  });
});

describe('ViewerEngine.neuronsToCome', () => {
  it('holds while the model has fewer neurons than the view expects', () => {
    const engine = new ViewerEngine();
    expect(engine.neuronsToCome).toBe(false);
    engine.expectedNeurons = 2;
    engine.addSkeletons([answer(1, true)]);
    engine.sync();
    expect(engine.neuronsToCome, 'one of two in').toBe(true);
    engine.addSkeletons([answer(2, true)]);
    engine.sync();
    expect(engine.neuronsToCome, 'both in').toBe(false);
  });
});
