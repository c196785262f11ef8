/**
 * Coordinates are stored as float32 (CATMAID's float4 columns). Postgres prints a float4 with the
 * fewest digits that round-trip (`31593.2`), while widening to a JS double prints
 * `31593.19921875`; this gives the short form, so exports write numbers as CATMAID does.
 */
export function shortFloat32(v: number): number {
  if (Number.isInteger(v) || !Number.isFinite(v)) return v;
  const f = Math.fround(v);
  for (let p = 1; p <= 9; p++) {
    const s = Number(f.toPrecision(p));
    if (Math.fround(s) === f) return s;
  }
  return f;
}
