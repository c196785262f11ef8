/**
 * The coarse level in compact form. At lab scale (10 million nodes) the screen shows the coarse
 * decimation, which draws about a tenth of the vertices: indexing the full vertex buffers would
 * make the GPU take every position and info row before the first complete frame. So the kept
 * vertices are gathered into small arrays of their own, and the coarse pairs re-indexed into
 * them. Derived from the coarse pairs alone (one pass), so cached copies, which keep only the
 * pairs, need nothing new.
 */

export interface CompactCoarse {
  /** Local indices of the kept vertices, ascending (compact index → local index). */
  source: Uint32Array;
  /** Their positions (xyz), gathered. */
  positions: Float32Array;
  /** Their info rows, gathered (`infoSize` u16 each). */
  info: Uint16Array;
  /** The coarse pairs in compact numbering. */
  edges: Uint32Array;
}

/**
 * `pairs`: local [child, parent] index pairs of the coarse level; `positions` / `info`: the full
 * per-vertex arrays of the piece (nodeCount rows).
 */
export function compactCoarse(
  pairs: Uint32Array,
  positions: Float32Array,
  info: Uint16Array,
  infoSize: number,
): CompactCoarse {
  const n = positions.length / 3;
  // compact index + 1 per local vertex (0: not kept); first marked, then numbered in order.
  const compactOf = new Uint32Array(n);
  for (let i = 0; i < pairs.length; i++) {
    const v = pairs[i] ?? 0;
    if (v < n) compactOf[v] = 1;
  }
  let kept = 0;
  for (let v = 0; v < n; v++) if (compactOf[v] !== 0) compactOf[v] = ++kept;
  const source = new Uint32Array(kept);
  const outPositions = new Float32Array(kept * 3);
  const outInfo = new Uint16Array(kept * infoSize);
  for (let v = 0; v < n; v++) {
    const c = (compactOf[v] ?? 0) - 1;
    if (c < 0) continue;
    source[c] = v;
    // Element by element: a subarray per kept vertex (a million at lab scale) costs more.
    outPositions[c * 3] = positions[v * 3] ?? 0;
    outPositions[c * 3 + 1] = positions[v * 3 + 1] ?? 0;
    outPositions[c * 3 + 2] = positions[v * 3 + 2] ?? 0;
    for (let k = 0; k < infoSize; k++) outInfo[c * infoSize + k] = info[v * infoSize + k] ?? 0;
  }
  const edges = new Uint32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) edges[i] = (compactOf[pairs[i] ?? 0] ?? 1) - 1;
  return { source, positions: outPositions, info: outInfo, edges };
}
