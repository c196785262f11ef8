import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { parseCatmaidTime } from '../../lib/http/timestamps.ts';
import {
  alignTimes,
  creationTimeColor,
  formatTimeLabel,
  timeCode,
  timeCodeColor,
  timeRange,
  TIME_CODE_MAX,
  UNKNOWN_TIME_RGB,
} from './creation-time.ts';
import { buildRampData, RAMP_ROWS } from './colour-modes.ts';

const RECORDING =
  '/work/shared/catmaid-recordings/responses/p6-compact-detail-102994-history-reviews-annotations-userinfo.json';

describe('creation time → colour', () => {
  it('maps the range ends to the ramp ends and the middle between them', () => {
    const range: [number, number] = [1000, 3000];
    expect(timeCode(1000, range)).toBe(1);
    expect(timeCode(3000, range)).toBe(TIME_CODE_MAX);
    expect(timeCode(2000, range)).toBe(1 + Math.round((TIME_CODE_MAX - 1) / 2));
    // Outside the range clamps; unknown times and an unknown range give code 0.
    expect(timeCode(0, range)).toBe(1);
    expect(timeCode(9999, range)).toBe(TIME_CODE_MAX);
    expect(timeCode(Number.NaN, range)).toBe(0);
    expect(timeCode(2000, null)).toBe(0);
    // A single instant: every node is "oldest".
    expect(timeCode(5, [5, 5])).toBe(1);
    expect(timeCodeColor(0)).toEqual(UNKNOWN_TIME_RGB);
    expect(timeCodeColor(1)).toEqual([40, 11, 84]);
    expect(timeCodeColor(TIME_CODE_MAX)).toEqual([250, 193, 39]);
    // Monotone in brightness from oldest to newest.
    const sums = [0, 0.25, 0.5, 0.75, 1].map((t) => creationTimeColor(t).reduce((a, b) => a + b));
    for (let i = 1; i < sums.length; i++) expect(sums[i]).toBeGreaterThan(sums[i - 1] ?? 0);
  });

  it('puts the same ramp into the texture row the shader samples', () => {
    const data = buildRampData();
    expect(data.length).toBe(256 * RAMP_ROWS * 4);
    const row2 = (i: number) => Array.from(data.subarray((512 + i) * 4, (512 + i) * 4 + 3));
    expect(row2(0)).toEqual(creationTimeColor(0));
    expect(row2(255)).toEqual(creationTimeColor(1));
    expect(row2(128)).toEqual(creationTimeColor(128 / 255));
  });

  it('finds the range over several skeletons, skipping unknown times', () => {
    expect(timeRange([Float64Array.of(5, NaN, 3), Float64Array.of(9)])).toEqual([3, 9]);
    expect(timeRange([Float64Array.of(NaN)])).toBeNull();
  });

  it('aligns times to the drawn node order by node id', () => {
    const drawn = Float64Array.of(10, 20, 30);
    expect([...alignTimes(drawn, Float64Array.of(10, 20, 30), Float64Array.of(1, 2, 3))]).toEqual([
      1, 2, 3,
    ]);
    const out = alignTimes(drawn, Float64Array.of(30, 10), Float64Array.of(3, 1));
    expect(out[0]).toBe(1);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(3);
  });

  it('labels dates, with the time of day for short spans', () => {
    const t = Date.UTC(2026, 9, 19, 9, 0, 37);
    expect(formatTimeLabel(t, 3_600_000)).toBe('2026-10-19 09:00 UTC');
    expect(formatTimeLabel(t, 30 * 86_400_000)).toBe('2026-10-19');
  });
});

describe('contract: creation times decoded from a recorded with_history answer', () => {
  const raw = JSON.parse(readFileSync(RECORDING, 'utf8')) as [unknown[][], ...unknown[]];
  const d = decodeCompactDetail(raw, 102994);

  it('reads t_b (column 9) of live rows as the creation time of each node', () => {
    const rows = raw[0].filter((r) => r[10] === 1);
    expect(d.nodeCount).toBe(rows.length);
    const times = d.creationTimes;
    expect(times).toBeDefined();
    const byId = new Map(rows.map((r) => [Number(r[0]), parseCatmaidTime(r[9])]));
    const aligned = alignTimes(d.nodeIds, d.nodeIds, times ?? new Float64Array());
    for (let i = 0; i < d.nodeCount; i++) {
      expect(aligned[i]).toBe(byId.get(d.nodeIds[i] ?? -1));
    }
    // Oldest and newest of the recording: 2025-04-14 10:22:16.885731 … 2026-10-01 16:30:47.540339.
    const range = timeRange([times ?? new Float64Array()]);
    expect(range?.[0]).toBeCloseTo(Date.UTC(2025, 3, 14, 10, 22, 16, 885) + 0.731, 2);
    expect(range?.[1]).toBeCloseTo(Date.UTC(2026, 9, 1, 16, 30, 47, 540) + 0.339, 2);
    expect(formatTimeLabel(range?.[0] ?? 0, (range?.[1] ?? 0) - (range?.[0] ?? 0))).toBe(
      '2025-04-14',
    );
  });
});
