/**
 * Polyline simplification for the SVG export (Ramer–Douglas–Peucker, iterative): drops points
 * that deviate less than `tolerance` (px) from the simplified line, so a 10^5-node neuron becomes
 * a few thousand path points that look identical at the figure's resolution. Endpoints are kept.
 */

/** `xy` is [x0, y0, x1, y1, …]; returns the kept points in the same layout. */
export function simplifyPolyline(xy: readonly number[], tolerance: number): number[] {
  const n = xy.length / 2;
  if (n <= 2) return xy.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop() ?? 0;
    const first = stack.pop() ?? 0;
    const ax = xy[first * 2] ?? 0;
    const ay = xy[first * 2 + 1] ?? 0;
    const dx = (xy[last * 2] ?? 0) - ax;
    const dy = (xy[last * 2 + 1] ?? 0) - ay;
    const len2 = dx * dx + dy * dy;
    let maxD = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const px = (xy[i * 2] ?? 0) - ax;
      const py = (xy[i * 2 + 1] ?? 0) - ay;
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - t * dx;
        const ey = py - t * dy;
        d = ex * ex + ey * ey;
      }
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index >= 0 && maxD > tol2) {
      keep[index] = 1;
      stack.push(first, index, index, last);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(xy[i * 2] ?? 0, xy[i * 2 + 1] ?? 0);
  return out;
}

/**
 * Unbranched paths of a tree, as node index lists from a leaf or branch point up to the next
 * branch point or root (inclusive): every edge appears in exactly one path.
 */
export function treePaths(parentIndex: Int32Array): number[][] {
  const n = parentIndex.length;
  const children = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i] ?? -1;
    if (p >= 0) children[p] = (children[p] ?? 0) + 1;
  }
  const paths: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (children[start] === 1 || (parentIndex[start] ?? -1) < 0) continue;
    const path = [start];
    let v = parentIndex[start] ?? -1;
    let guard = 0;
    while (v >= 0 && guard++ < n) {
      path.push(v);
      if (children[v] !== 1) break;
      v = parentIndex[v] ?? -1;
    }
    paths.push(path);
  }
  return paths;
}
