import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { displayPieceOf } from '../geometry/display-piece.ts';
import { buildSkeletonPiece } from '../geometry/skeleton-piece.ts';
import { ViewerEngine } from './viewer-engine.ts';

function skeleton(skid: number) {
  const rows: (number | null)[][] = [];
  for (let i = 1; i <= 40; i++)
    rows.push([skid * 100 + i, i === 1 ? null : skid * 100 + i - 1, 3, i, 0, 0, -1, 5]);
  const detail = decodeCompactDetail([rows, [], {}, [], []], skid);
  const piece = buildSkeletonPiece(detail);
  return { detail, piece, display: displayPieceOf(detail, piece) };
}

function engineAt(detail: 'coarse' | 'lod') {
  const engine = new ViewerEngine();
  engine.setDetailPreference(detail);
  engine.setStyles(new Map([[1, { rgb: [1, 2, 3], alpha: 1 }]]));
  return engine;
}

describe('the engine, display first', () => {
  it('at the coarse level, a scene of display forms is complete; their full data changes nothing', () => {
    const engine = engineAt('coarse');
    const s = skeleton(1);
    engine.addDisplays([s.display]);
    const first = engine.sync();
    expect(first).toMatchObject({ changed: true, pending: false });
    expect(engine.displayOnly).toBe(1);
    engine.addSkeletons([s]);
    const filled = engine.sync();
    expect(filled).toMatchObject({ changed: false, pending: false });
    expect(engine.displayOnly).toBe(0);
    expect(engine.model.bySkeleton.get(1)?.slot).toBe(0);
  });

  it('at a finer level, a scene with display forms only waits for their full data', () => {
    const engine = engineAt('lod');
    const s = skeleton(1);
    engine.addDisplays([s.display]);
    expect(engine.sync()).toMatchObject({ pending: true });
    expect(engine.sync()).toMatchObject({ pending: true });
    engine.addSkeletons([s]);
    expect(engine.sync()).toMatchObject({ pending: false });
  });

  it('colours a displayed neuron by its slot in the palette', () => {
    const engine = engineAt('coarse');
    engine.addDisplays([skeleton(1).display]);
    engine.sync();
    expect(engine.model.slotOf(1)).toBe(0);
    expect(engine.model.has(1)).toBe(true);
  });
});
