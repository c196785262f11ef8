/** Merges of per-chunk answers shared by the many-id endpoints. */

/** Chunks of `[id, value]` pairs → one map (a later chunk wins on a repeated id). */
export function mergeEntries<T>(
  parts: readonly (readonly (readonly [number, T])[])[],
): Map<number, T> {
  const out = new Map<number, T>();
  for (const part of parts) for (const [id, value] of part) out.set(id, value);
  return out;
}

/** Number-keyed JSON object → `[id, value]` pairs. */
export function numericEntries<T>(record: Readonly<Record<string, T>>): [number, T][] {
  return Object.entries(record).map(([k, v]) => [Number(k), v]);
}

type Column = Float64Array | Int32Array | Uint8Array;

/**
 * Columnar chunk answers (typed arrays of equal length per record) → one record, each column
 * concatenated in chunk order. `empty` gives the columns and their array types.
 */
export function concatColumns<R extends { [K in keyof R]: Column }>(
  parts: readonly R[],
  empty: R,
): R {
  const out = { ...empty };
  for (const key of Object.keys(empty) as (keyof R)[]) {
    const make = empty[key].constructor as new (length: number) => R[keyof R];
    const column = new make(parts.reduce((sum, p) => sum + p[key].length, 0));
    let at = 0;
    for (const part of parts) {
      column.set(part[key], at);
      at += part[key].length;
    }
    out[key] = column;
  }
  return out;
}
