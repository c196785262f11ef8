import { describe, expect, it } from 'vitest';
import { dotpropsOfPoints, dotpropsOfSkeleton, midlineOf, mirroredDotprops } from './dotprops.ts';
import { fcwbLookup } from './fcwb-smat.ts';
import { buildKdTree, kNearest } from './kd-tree.ts';
import { nearest } from './kd-nearest.ts';
import { indexDotprops, nblastRow, normalisedScore, scoreMatrixOf } from './nblast-score.ts';
import { symEigen3 } from './sym-eigen3.ts';

/** A deterministic pseudo-random stream for test point clouds. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** An asymmetric "neuron" in nm: a trunk along x with side branches of different lengths. */
function neuron(): { parent: Int32Array; positions: Float32Array } {
  const parent: number[] = [];
  const pos: number[] = [];
  const add = (p: number, x: number, y: number, z: number) => {
    parent.push(p);
    pos.push(x, y, z);
    return parent.length - 1;
  };
  let prev = add(-1, 0, 0, 0);
  for (let i = 1; i <= 40; i++) {
    prev = add(prev, i * 2000, 0, 0);
    if (i % 8 === 0) {
      let b = prev;
      for (let j = 1; j <= i / 2; j++) b = add(b, i * 2000 + j * 700, j * 1500, j * 300);
    }
  }
  return { parent: Int32Array.from(parent), positions: Float32Array.from(pos) };
}

function transformed(p: Float32Array, f: (x: number, y: number, z: number) => number[]) {
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i += 3) out.set(f(p[i] ?? 0, p[i + 1] ?? 0, p[i + 2] ?? 0), i);
  return out;
}

describe('FCWB scoring matrix lookup', () => {
  it('gives the published values (the xnblast/nat.nblast reference cells)', () => {
    const s = fcwbLookup();
    expect(s(0, 0)).toBeCloseTo(9.500096818, 8);
    expect(s(50, 0.93)).toBeCloseTo(-10.1287588679926, 8);
    expect(s(26, 0.73)).toBeCloseTo(-2.70184701924541, 8);
    // Beyond the last bin: clamped to it, as navis does.
    expect(s(900, 1)).toBeCloseTo(-10.12875887, 8);
    expect(s.selfHit).toBeCloseTo(11.38922975, 8);
  });
});

describe('k-d tree', () => {
  const r = rng(7);
  const pts = Float32Array.from({ length: 3 * 500 }, () => r() * 100);
  const tree = buildKdTree(pts);
  const brute = (x: number, y: number, z: number) =>
    Array.from({ length: 500 }, (_, i) => i)
      .map(
        (i) =>
          [
            i,
            ((pts[i * 3] ?? 0) - x) ** 2 +
              ((pts[i * 3 + 1] ?? 0) - y) ** 2 +
              ((pts[i * 3 + 2] ?? 0) - z) ** 2,
          ] as const,
      )
      .sort((a, b) => a[1] - b[1]);

  it('finds the same nearest point and k nearest points as brute force', () => {
    const hit = { index: -1, at: -1, dist2: Infinity };
    for (let q = 0; q < 50; q++) {
      const [x, y, z] = [r() * 120 - 10, r() * 120 - 10, r() * 120 - 10];
      const b = brute(x, y, z);
      nearest(tree, x, y, z, hit);
      expect(hit.dist2).toBeCloseTo(b[0]?.[1] ?? -1, 6);
      const k = kNearest(tree, x, y, z, 5);
      expect(k.sort()).toEqual(
        b
          .slice(0, 5)
          .map((e) => e[0])
          .sort(),
      );
    }
  });
});

describe('dotprops', () => {
  it('finds eigenvalues and the main axis of a symmetric matrix', () => {
    const e = symEigen3([2, 1, 0, 2, 0, 5]);
    expect(e.values[0]).toBeCloseTo(5, 10);
    expect(e.values[1]).toBeCloseTo(3, 10);
    expect(e.values[2]).toBeCloseTo(1, 10);
    expect(Math.abs(e.first[2])).toBeCloseTo(1, 10);
  });

  it('gives a straight line tangents along it and alpha 1', () => {
    const line = Float32Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? i : 0));
    const d = dotpropsOfPoints(line, 5);
    for (let i = 0; i < 10; i++) {
      expect(Math.abs(d.tangents[i * 3] ?? 0)).toBeCloseTo(1, 6);
      expect(d.alpha[i]).toBeCloseTo(1, 6);
    }
  });

  it('resamples the cable every step µm', () => {
    // One 10 µm edge (nm input) at 1 µm: both ends + 9 interior points.
    const d = dotpropsOfSkeleton(
      Int32Array.from([-1, 0]),
      Float32Array.from([0, 0, 0, 10000, 0, 0]),
    );
    expect(d.points.length / 3).toBe(11);
  });
});

describe('NBLAST scores', () => {
  const n = neuron();
  const a = dotpropsOfSkeleton(n.parent, n.positions);
  const score = (pos: Float32Array) =>
    normalisedScore(a, indexDotprops(dotpropsOfSkeleton(n.parent, pos)));

  it('scores a neuron against itself 1 (normalised)', () => {
    expect(score(n.positions)).toBeCloseTo(1, 10);
  });

  it('falls with translation: a little for 1 µm, to the far-away floor for 100 µm', () => {
    const near = score(transformed(n.positions, (x, y, z) => [x + 1000, y, z]));
    expect(near).toBeLessThan(1);
    expect(near).toBeGreaterThan(0.75);
    const far = score(transformed(n.positions, (x, y, z) => [x, y + 100000, z]));
    expect(far).toBeLessThan(-0.85);
  });

  it('scores the mirror image of an asymmetric neuron lower than itself, its re-mirror 1', () => {
    const mirrored = transformed(n.positions, (x, y, z) => [x, -y, z]);
    const m = score(mirrored);
    expect(m).toBeLessThan(0.7);
    const back = score(transformed(mirrored, (x, y, z) => [x, -y, z]));
    expect(back).toBeCloseTo(1, 10);
  });

  it('derives reverse (transpose) and mean matrices from the forward one', () => {
    const f = [
      [1, 0.2],
      [0.6, 1],
    ];
    expect(scoreMatrixOf(f, 'reverse')).toEqual([
      [1, 0.6],
      [0.2, 1],
    ]);
    expect(scoreMatrixOf(f, 'mean')[0]?.[1]).toBeCloseTo(0.4, 12);
  });
});

describe('mirror-invariant NBLAST', () => {
  it('finds a neuron’s mirror image across the midline (a left/right homologue)', () => {
    const n = neuron();
    const left = dotpropsOfSkeleton(n.parent, n.positions);
    // The right-side copy: mirrored across x = 150 µm (the trunk runs 0–80 µm in x).
    const right = mirroredDotprops(left, 150);
    const targets = [indexDotprops(left), indexDotprops(right)];
    const direct = nblastRow(0, left, targets, null);
    expect(direct[0]).toBe(1);
    expect(direct[1]).toBeLessThan(-0.5);
    const mirrored = [left, right].map((d) => indexDotprops(mirroredDotprops(d, 150)));
    const withMirror = nblastRow(0, left, targets, mirrored);
    expect(withMirror[1]).toBeCloseTo(1, 5);
    expect(midlineOf([left, right])).toBeCloseTo(150, 3);
  });
});
