import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { TIME_CODE_MAX } from './creation-time.ts';
import { SceneModel } from './scene-model.ts';
import { SceneCreationTimes } from './scene-creation-times.ts';
import { buildSkeletonPiece } from './skeleton-piece.ts';

/** A chain of `n` nodes (ids base+1 …); with `times`, as a with_history answer. */
function skeleton(skid: number, base: number, n: number, times?: (i: number) => string) {
  const rows: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const row: unknown[] = [base + i + 1, i ? base + i : null, 3, i * 10, 0, 0, -1, 5];
    if (times) row.push(times(i), times(i), 1);
    rows.push(row);
  }
  return decodeCompactDetail([rows, [], {}, [], []], skid);
}

const at = (minute: number) => new Date(Date.UTC(2026, 9, 19, 9, minute)).toISOString();

function codes(model: SceneModel, skid: number): number[] {
  const r = model.bySkeleton.get(skid);
  if (!r) throw new Error('not drawn');
  const block = model.lines.blocks[r.lines.blockId];
  const out: number[] = [];
  for (let i = 0; i < r.lines.vertexCount; i++)
    out.push(block?.info[(r.lines.vertexStart + i) * 4 + 3] ?? -1);
  return out;
}

describe('scene creation times', () => {
  it('writes codes into the 4th line attribute, rewriting all when the range widens', () => {
    const model = new SceneModel();
    const a = skeleton(1, 100, 3);
    model.add(a, buildSkeletonPiece(a));
    const times = new SceneCreationTimes();
    const sources = new Map<number, SkeletonDetail>([[1, skeleton(1, 100, 3, (i) => at(i * 10))]]);
    times.set(sources);
    expect(times.apply(model)).toBe(true);
    expect(codes(model, 1)).toEqual([1, 1 + Math.round((TIME_CODE_MAX - 1) / 2), TIME_CODE_MAX]);
    expect(model.lines.blocks[0]?.rewrittenInfo).toEqual([0, 3]);
    expect(times.apply(model), 'nothing new: nothing written').toBe(false);

    // A second skeleton whose times arrive before its geometry, newer than the first.
    sources.set(
      2,
      skeleton(2, 200, 2, (i) => at(40 + i * 20)),
    );
    times.set(sources);
    times.apply(model);
    expect(times.writtenCount).toBe(1);
    const b = skeleton(2, 200, 2);
    model.add(b, buildSkeletonPiece(b));
    expect(times.apply(model)).toBe(true);
    expect(times.writtenCount).toBe(2);
    // Range now 09:00 … 09:60: the first skeleton's codes were rewritten relative to it.
    expect(codes(model, 1)).toEqual([
      1,
      1 + Math.round((TIME_CODE_MAX - 1) / 6),
      1 + Math.round((TIME_CODE_MAX - 1) / 3),
    ]);
    expect(codes(model, 2)).toEqual([1 + Math.round(((TIME_CODE_MAX - 1) * 2) / 3), TIME_CODE_MAX]);
    // The slot (component 0) is untouched.
    expect(model.lines.blocks[0]?.info[3 * 4]).toBe(1);

    // Times dropped (mode left): codes go back to "unknown".
    times.set(new Map());
    times.apply(model);
    expect(codes(model, 1)).toEqual([0, 0, 0]);
    expect(times.writtenCount).toBe(0);
  });
});
