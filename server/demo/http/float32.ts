/**
 * Coordinates are stored as float32 (as CATMAID's float4 columns). Postgres prints a float4 with
 * the fewest digits that round-trip (`31593.2`), while widening to a JS double would print
 * `31593.19921875`; this reproduces the short form.
 */
export function f32(v: number): number {
  if (Number.isInteger(v)) return v;
  for (let p = 6; p <= 9; p++) {
    const s = Number(v.toPrecision(p));
    if (Math.fround(s) === v) return s;
  }
  return v;
}
