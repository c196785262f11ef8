import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { buildSkeletonPiece } from '../geometry/skeleton-piece.ts';
import { autoDetail, ViewerEngine } from './viewer-engine.ts';

/** A two-node skeleton that claims `nodes` nodes (only the count matters to auto detail). */
function claiming(skid: number, nodes: number) {
  const o = skid * 10;
  const detail = decodeCompactDetail(
    [
      [
        [o + 1, null, 3, 0, 0, 0, -1, 5],
        [o + 2, o + 1, 3, 10, 0, 0, -1, 5],
      ],
      [],
      {},
      [],
      [],
    ],
    skid,
  );
  return { detail: { ...detail, nodeCount: nodes }, piece: buildSkeletonPiece(detail) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('auto detail', () => {
  it('draws full detail, then the decimated, then the coarse level as scenes grow', () => {
    expect(autoDetail(100_000)).toBe('full');
    expect(autoDetail(2_000_000)).toBe('lod');
    expect(autoDetail(10_000_000)).toBe('coarse');
  });

  it('counts the skeletons still queued, so a warm start never shows (and uploads) a finer level first', () => {
    // Each model copy takes "10 ms": one skeleton moves into the model per sync.
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 10));
    const engine = new ViewerEngine();
    engine.addSkeletons([claiming(1, 2_500_000), claiming(2, 2_500_000)]);
    engine.sync(1 << 20);
    expect(engine.model.nodeCount).toBe(2_500_000);
    expect(engine.queuedSkeletons).toBe(1);
    expect(engine.lines.detailShown).toBe('coarse');
    engine.sync(1 << 20);
    expect(engine.queuedSkeletons).toBe(0);
    expect(engine.lines.detailShown).toBe('coarse');
  });

  it('goes by the expected size of the scene while neurons still arrive', () => {
    const engine = new ViewerEngine();
    engine.addSkeletons([claiming(1, 500_000)]);
    engine.sync(1 << 20);
    expect(engine.lines.detailShown).toBe('full');
    // A tenth of the neurons are in: the scene will be ten times as big.
    engine.expectedNodes = 5_000_000;
    engine.sync(1 << 20);
    expect(engine.lines.detailShown).toBe('coarse');
  });

  it('extrapolates from the neurons it has before the view counted any of them', () => {
    const engine = new ViewerEngine();
    // 1,000 neurons asked for; the first one handed over has 10,000 nodes.
    engine.expectedNeurons = 1_000;
    engine.addSkeletons([claiming(1, 10_000)]);
    engine.sync(1 << 20);
    expect(engine.lines.detailShown).toBe('coarse');
    // Ten asked for: a 100,000-node scene, drawn in full.
    const small = new ViewerEngine();
    small.expectedNeurons = 10;
    small.addSkeletons([claiming(1, 10_000)]);
    small.sync(1 << 20);
    expect(small.lines.detailShown).toBe('full');
  });
});
