/**
 * The copying and bookkeeping shared by a block's full vertices and its compact coarse ones
 * (block-set.ts, block-set-coarse.ts): appending offset indices, info rows stamped with their
 * slot, and dirty ranges.
 */

export function widen(
  range: [number, number] | null,
  start: number,
  end: number,
): [number, number] {
  return range ? [Math.min(range[0], start), Math.max(range[1], end)] : [start, end];
}

/** Copies `src` to `dst` from `at`, each value plus `offset`; returns the new end. */
export function appendOffset(dst: Uint32Array, at: number, src: Uint32Array, offset: number) {
  for (let i = 0; i < src.length; i++) dst[at + i] = (src[i] ?? 0) + offset;
  return at + src.length;
}

/** Copies `rows` info rows of `size` to `dst` from row `at`, with `slot` in component 0. */
export function appendInfoRows(
  dst: Uint16Array,
  at: number,
  src: Uint16Array,
  rows: number,
  size: number,
  slot: number,
): void {
  dst.set(src.subarray(0, rows * size), at * size);
  for (let i = 0, k = at * size; i < rows; i++, k += size) dst[k] = slot;
}
