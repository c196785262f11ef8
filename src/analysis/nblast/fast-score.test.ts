import { describe, expect, it } from 'vitest';
import {
  dotpropsOfPoints,
  dotpropsOfSkeleton,
  mirroredDotprops,
  type Dotprops,
} from './dotprops.ts';
import { fcwbCeiling, fcwbFastLookup, fcwbLookup } from './fcwb-smat.ts';
import { exactNormalisedScore, indexDotprops, nblastRow, normalisedScore } from './nblast-score.ts';
import { rawScoreBound } from './score-bound.ts';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * A demo-like arbor in nm: a random walk of ~1.5 µm steps from (x0, y0, z0) that branches now and
 * then (as the demo generator grows neurons), so segments bend and cross at every angle.
 */
function arbor(seed: number, nodes: number, x0: number, y0: number, z0: number): Dotprops {
  const r = rng(seed);
  const parent = [-1];
  const pos = [x0, y0, z0];
  const dir: number[] = [1, 0, 0];
  const tips = [0];
  for (let i = 1; i < nodes; i++) {
    const from = r() < 0.03 ? (tips[Math.floor(r() * tips.length)] ?? 0) : i - 1;
    for (let a = 0; a < 3; a++) dir[a] = (dir[a] ?? 0) * 0.8 + (r() - 0.5);
    const len = Math.hypot(...dir) || 1;
    parent.push(from);
    for (let a = 0; a < 3; a++) pos.push((pos[from * 3 + a] ?? 0) + ((dir[a] ?? 0) / len) * 1500);
    tips.push(i);
  }
  return dotpropsOfSkeleton(Int32Array.from(parent), Float32Array.from(pos));
}

describe('fast FCWB lookup', () => {
  it('picks the same cell as the linear bin scans, bin bounds included', () => {
    const slow = fcwbLookup();
    const fast = fcwbFastLookup();
    const ds = [
      0, 0.75, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 20, 25, 30, 40, 500,
    ];
    const r = rng(3);
    for (let i = 0; i < 1000; i++) ds.push(r() * 60, r() * 1000, Math.floor(r() * 200) / 4);
    const dots = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.0000001];
    for (let i = 0; i < 200; i++) dots.push(r(), Math.floor(r() * 10) / 10);
    const wrong: string[] = [];
    for (const d of [...ds, ...ds.map((v) => v + 1e-12), NaN])
      for (const dot of dots) if (fast(d, dot) !== slow(d, dot)) wrong.push(`${d} ${dot}`);
    expect(wrong).toEqual([]);
    expect(fast.selfHit).toBe(slow.selfHit);
  });
});

describe('fast NBLAST scoring', () => {
  const base = arbor(11, 900, 0, 0, 0);
  const others = [
    arbor(11, 900, 800, -500, 300), // the same arbor shifted < 1 µm
    arbor(12, 700, 5000, 3000, 0), // a different arbor overlapping it
    arbor(13, 1200, -20000, 10000, 4000),
    arbor(14, 600, 60000, 0, 0), // 40–100 µm away: mostly the last distance bins
    arbor(15, 800, 0, 700000, 0), // 700 µm away: beyond the last bound
    dotpropsOfPoints(
      Float32Array.from({ length: 3 * 400 }, rng(5)).map((v) => v * 80),
      5,
    ),
  ];
  const all = [base, ...others];

  it('gives the exact scorer’s scores on near, overlapping and far-apart pairs', () => {
    for (const q of all)
      for (const t of all) {
        const it = indexDotprops(t);
        expect(Math.abs(normalisedScore(q, it) - exactNormalisedScore(q, it))).toBeLessThan(1e-9);
      }
    // The set covers what it claims: a close match, an overlap, and far floors.
    const s = (j: number) => exactNormalisedScore(base, indexDotprops(all[j] ?? base));
    expect(s(1)).toBeGreaterThan(0.5);
    expect(s(5)).toBeLessThan(-0.85);
  });

  it('bounds every score from above without a search', () => {
    const lookup = fcwbLookup();
    for (const q of all)
      for (const t of all) {
        const it = indexDotprops(t);
        const n = q.points.length / 3;
        const bound = rawScoreBound(q, it.tree) / (n * lookup.selfHit);
        expect(bound).toBeGreaterThanOrEqual(exactNormalisedScore(q, it) - 1e-12);
      }
    // Far apart, the bound is the last row's best cell: informative, not just "≤ 1".
    const far = rawScoreBound(base, indexDotprops(others[4] ?? base).tree);
    expect(far / (base.points.length / 3)).toBeCloseTo(fcwbCeiling()(41), 12);
    expect(fcwbCeiling()(41)).toBeLessThan(-9.9);
  });

  it('gives each mirrored cell the better of target and mirror image, as the exact scorer', () => {
    const midline = 30;
    const targets = all.map(indexDotprops);
    // Right-side copies: some cells win through the mirror, others directly.
    const withRight = [...all, ...all.map((d) => mirroredDotprops(d, midline))];
    const ix = withRight.map(indexDotprops);
    const mirrored = withRight.map((d) => indexDotprops(mirroredDotprops(d, midline)));
    let viaMirror = 0;
    withRight.forEach((q, row) => {
      const fast = nblastRow(row, q, ix, mirrored);
      ix.forEach((t, j) => {
        if (j === row) return;
        const direct = exactNormalisedScore(q, t);
        const mirror = exactNormalisedScore(q, mirrored[j] ?? t);
        if (mirror > direct) viaMirror++;
        expect(Math.abs((fast[j] ?? NaN) - Math.max(direct, mirror))).toBeLessThan(1e-9);
      });
    });
    expect(viaMirror).toBeGreaterThan(5);
    expect(targets.length).toBe(all.length);
  });
});
