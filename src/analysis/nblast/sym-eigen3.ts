/**
 * Eigen decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations (exact to float64
 * precision in a few sweeps): what a dotprops tangent (first principal component of a point's
 * neighbours) and its alpha (collinearity) need, without a linear-algebra package.
 */
export interface Eigen3 {
  /** Descending. */
  values: [number, number, number];
  /** Unit eigenvector of the largest eigenvalue. */
  first: [number, number, number];
}

/** m = [xx, xy, xz, yy, yz, zz]. */
export function symEigen3(m: readonly number[]): Eigen3 {
  const a = [
    [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0],
    [m[1] ?? 0, m[3] ?? 0, m[4] ?? 0],
    [m[2] ?? 0, m[4] ?? 0, m[5] ?? 0],
  ];
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const at = (r: number, c: number) => a[r]?.[c] ?? 0;
  const set = (mat: number[][], r: number, c: number, x: number) => {
    const row = mat[r];
    if (row) row[c] = x;
  };
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = Math.abs(at(0, 1)) + Math.abs(at(0, 2)) + Math.abs(at(1, 2));
    if (off < 1e-15 * (Math.abs(at(0, 0)) + Math.abs(at(1, 1)) + Math.abs(at(2, 2)) + 1e-300))
      break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = at(p, q);
      if (apq === 0) continue;
      const theta = (at(q, q) - at(p, p)) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = at(k, p);
        const akq = at(k, q);
        set(a, k, p, c * akp - s * akq);
        set(a, k, q, s * akp + c * akq);
      }
      for (let k = 0; k < 3; k++) {
        const apk = at(p, k);
        const aqk = at(q, k);
        set(a, p, k, c * apk - s * aqk);
        set(a, q, k, s * apk + c * aqk);
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k]?.[p] ?? 0;
        const vkq = v[k]?.[q] ?? 0;
        set(v, k, p, c * vkp - s * vkq);
        set(v, k, q, s * vkp + c * vkq);
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => at(j, j) - at(i, i));
  const top = order[0] ?? 0;
  const vec: [number, number, number] = [v[0]?.[top] ?? 0, v[1]?.[top] ?? 0, v[2]?.[top] ?? 0];
  const norm = Math.hypot(...vec) || 1;
  return {
    values: [
      at(order[0] ?? 0, order[0] ?? 0),
      at(order[1] ?? 1, order[1] ?? 1),
      at(order[2] ?? 2, order[2] ?? 2),
    ],
    first: [vec[0] / norm, vec[1] / norm, vec[2] / norm],
  };
}
