/**
 * CATMAID answers timestamps in seven formats depending on the endpoint (catmaid-api.md §1.6).
 * All demo times are whole UTC seconds, so "fraction dropped when 0" always applies.
 */
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function parts(epochSeconds: number): { date: string; time: string } {
  const d = new Date(epochSeconds * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time };
}

/** Django JSON encoder: `2026-11-14T09:00:37Z` (query-targets, volume list, neuron-details). */
export function djangoJson(t: number): string {
  const { date, time } = parts(t);
  return `${date}T${time}Z`;
}

/**
 * DRF serializer: µs and `Z`, fraction dropped when 0 (volume detail). A second name, so each
 * handler says which server format it copies.
 * @alias
 */
export const drfTime = djangoJson;

/** Python isoformat(): `2026-10-19T09:20:14+00:00` (connectors/links, node/user-info). */
export function isoOffset(t: number): string {
  const { date, time } = parts(t);
  return `${date}T${time}+00:00`;
}

/**
 * Postgres JSON: same visible form as isoformat for whole seconds (skeletons/summary).
 * @alias
 */
export const postgresJson = isoOffset;

/** Python str(datetime): a space instead of `T` (compact-detail history columns). */
export function pyStr(t: number): string {
  const { date, time } = parts(t);
  return `${date} ${time}+00:00`;
}

/** `YYYYMMDD` day keys (user-history). */
export function dayKey(t: number): string {
  return parts(t).date.replaceAll('-', '');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** user-history `daysformatted`: `Mon 19, Oct 2026`. */
export function dayFormatted(t: number): string {
  const d = new Date(t * 1000);
  return `${WEEKDAYS[d.getUTCDay()] ?? ''} ${pad(d.getUTCDate())}, ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

export const DAY = 86_400;

export function utcSeconds(y: number, m: number, d: number, h = 0, min = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h, min, s) / 1000;
}
