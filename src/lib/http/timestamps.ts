/**
 * Tolerant parser for CATMAID's seven timestamp formats (API ref §1.6), all UTC:
 *   Django JSON `2026-11-14T09:00:37Z` / `…28.421Z`, DRF µs `…31.999355Z`, isoformat `+00:00`,
 *   Postgres JSON `…15.802+00:00`, `str(datetime)` with a space `2026-10-19 09:00:37+00:00`,
 *   epoch seconds as a JSON float `1792400437.0`, and `YYYYMMDD` day keys.
 * Hand-written instead of Date.parse: engines disagree on >3 fraction digits and on the space
 * separator, and history columns hold tens of thousands of these per skeleton.
 */
import { isoDate } from '../format.ts';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const DAY_KEY = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function offsetMs(tz: string | undefined): number {
  if (!tz || tz === 'Z' || tz === 'z') return 0;
  const sign = tz.startsWith('-') ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

function validDate(y: number, mo: number, d: number, ms: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return Number.isFinite(ms) ? ms : undefined;
}

/** Epoch milliseconds (may carry sub-ms fractions), or undefined for null / unparseable input. */
export function parseCatmaidTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  const day = DAY_KEY.exec(s);
  if (day) {
    const [y, mo, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    return validDate(y, mo, d, Date.UTC(y, mo - 1, d));
  }
  const m = ISO.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
    const utc = Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    return validDate(y, mo, d, utc + frac - offsetMs(m[8]));
  }
  // Epoch seconds that arrived as a string (e.g. through a CSV or a URL).
  if (NUMERIC.test(s)) return Number(s) * 1000;
  return undefined;
}

/** Like parseCatmaidTime, but NaN instead of undefined — for filling Float64Array columns. */
export function parseCatmaidTimeOrNaN(value: unknown): number {
  return parseCatmaidTime(value) ?? Number.NaN;
}

/** `YYYY-MM-DD` of a UTC day shifted by `days` (used to make CATMAID's exclusive end inclusive). */
export function shiftIsoDay(isoDay: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const base = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2025-02-30 over to March: reject instead of silently searching another day.
  if (
    !m ||
    base.getUTCFullYear() !== y ||
    base.getUTCMonth() !== mo - 1 ||
    base.getUTCDate() !== d
  ) {
    throw new RangeError(`expected a valid YYYY-MM-DD date, got "${isoDay}"`);
  }
  return isoDate(Date.UTC(y, mo - 1, d + days));
}
