/**
 * The "creation time" colour mode's numbers: node creation times (epoch ms, from compact-detail
 * `with_history`) become one u16 per vertex, normalised to the loaded neurons' time range, so
 * the GPU (ramp texture row 2) and the vector export colour a node identically. Code 0 means
 * "time not known (yet)" and is drawn grey.
 */
import type { Rgb } from './colour-modes.ts';

export const TIME_CODE_MAX = 65535;
export const UNKNOWN_TIME_RGB: Rgb = [160, 160, 160];

// Inferno-like, without its near-black start and pale end (both vanish on a black or white
// background): dark purple (oldest) to amber (newest), brightness rising throughout. No grey
// anywhere, so no time is mistaken for "unknown" (grey).
const TIME_STOPS: Rgb[] = [
  [40, 11, 84],
  [120, 28, 109],
  [188, 55, 84],
  [237, 105, 37],
  [250, 193, 39],
];

export function creationTimeColor(t: number): Rgb {
  const x = Math.min(Math.max(Number.isFinite(t) ? t : 0, 0), 1) * (TIME_STOPS.length - 1);
  const i = Math.min(Math.floor(x), TIME_STOPS.length - 2);
  const f = x - i;
  const a = TIME_STOPS[i] ?? [0, 0, 0];
  const b = TIME_STOPS[i + 1] ?? a;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** Oldest and newest finite time over all arrays, or null when there is none. */
export function timeRange(arrays: Iterable<Float64Array>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const t = a[i] ?? Number.NaN;
      if (!Number.isFinite(t)) continue;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Position of `t` in the range, 0 (oldest) … 1 (newest); a single-instant range is 0. */
function timeFraction(t: number, range: [number, number]): number {
  const span = range[1] - range[0];
  if (span <= 0) return 0;
  return Math.min(Math.max((t - range[0]) / span, 0), 1);
}

/** The vertex attribute value: 0 = unknown, 1 … 65535 = oldest … newest. */
export function timeCode(t: number, range: [number, number] | null): number {
  if (!range || !Number.isFinite(t)) return 0;
  return 1 + Math.round(timeFraction(t, range) * (TIME_CODE_MAX - 1));
}

/** The colour of a vertex code, as the shader computes it. */
export function timeCodeColor(code: number): Rgb {
  return code <= 0 ? UNKNOWN_TIME_RGB : creationTimeColor((code - 1) / (TIME_CODE_MAX - 1));
}

/**
 * Creation times in the order of `nodeIds` (the geometry's node order), looked up by node id in
 * a history answer (which may list nodes in another order); NaN where a node is missing.
 */
export function alignTimes(
  nodeIds: Float64Array,
  historyIds: Float64Array,
  historyTimes: Float64Array,
): Float64Array {
  const out = new Float64Array(nodeIds.length).fill(Number.NaN);
  let same = nodeIds.length === historyIds.length;
  for (let i = 0; same && i < nodeIds.length; i++) same = nodeIds[i] === historyIds[i];
  if (same) {
    out.set(historyTimes.subarray(0, nodeIds.length));
    return out;
  }
  const byId = new Map<number, number>();
  for (let i = 0; i < historyIds.length; i++) byId.set(historyIds[i] ?? -1, historyTimes[i] ?? NaN);
  for (let i = 0; i < nodeIds.length; i++) out[i] = byId.get(nodeIds[i] ?? -1) ?? Number.NaN;
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/**
 * A legend end label (UTC): the date alone when the range spans days, with the time of day
 * when it spans less than two days (demo neurons and single tracing sessions do).
 */
export function formatTimeLabel(ms: number, spanMs: number): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (spanMs >= 2 * DAY_MS) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
