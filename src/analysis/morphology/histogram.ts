/** Fixed-width histograms for the morphology plots (bins start at 0, one bin per `width`). */

export interface Histogram {
  /** Left edge of each bin. */
  edges: number[];
  width: number;
  counts: number[];
}

/** A "nice" bin width (1, 2 or 5 × 10^k) giving about `target` bins up to `max`. */
export function niceBinWidth(max: number, target = 30): number {
  if (!(max > 0)) return 1;
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Counts of finite values ≥ 0 per bin [k·width, (k+1)·width); `bins` fixes the bin count. */
export function histogram(values: readonly number[], width: number, bins?: number): Histogram {
  const finite = values.filter((v) => Number.isFinite(v) && v >= 0);
  const top = finite.reduce((m, v) => Math.max(m, v), 0);
  const count = bins ?? Math.floor(top / width) + 1;
  const counts = new Array<number>(count).fill(0);
  for (const v of finite) {
    const k = Math.min(Math.floor(v / width), count - 1);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return { edges: counts.map((_, k) => k * width), width, counts };
}
