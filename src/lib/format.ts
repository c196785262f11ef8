/**
 * How the app writes numbers, lengths, percentages and dates for people to read: US separators
 * (1,234.5) everywhere, whatever the browser's locale, so tables, exports and e2e expectations
 * agree; dates in ISO form (2026-03-14) and UTC, as CATMAID stores them. Pure and cheap: each
 * Intl.NumberFormat is built once (building one per call showed up as the most expensive part of
 * rendering rows while scrolling 50,000 search results).
 *
 * SVG coordinates (svg-text.ts `fmt`) and CSV cells are serialisation, not display: they keep
 * plain numbers (see `roundTo`).
 */

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${minDigits}/${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Builds the first formatter ahead of use. The first Intl.NumberFormat of a page loads ICU's
 * number data: 25–28 ms of main-thread CPU on the bench machine, which landed inside the app's
 * first React render (a task of 30+ ms). main.tsx calls this in a task of its own.
 */
export function warmNumberFormats(): void {
  numberFormat(0, 3);
}

/** A count or any number as it comes, with thousands separators: 12345 → "12,345". */
export function formatCount(n: number): string {
  return numberFormat(0, 3).format(n);
}

/** Exactly `digits` decimals, with separators: (1234.5, 1) → "1,234.5"; (2, 1) → "2.0". */
export function formatFixed(n: number, digits = 0): string {
  return numberFormat(digits, digits).format(n);
}

/** At most `digits` decimals, trailing zeros dropped: (1.50, 2) → "1.5". */
export function formatUpTo(n: number, digits: number): string {
  return numberFormat(0, digits).format(n);
}

/** A length given in nm, as µm with at most `digits` decimals: 1500 → "1.5 µm". */
export function formatMicrons(nm: number, digits = 1): string {
  return `${formatUpTo(nm / 1000, digits)} µm`;
}

/** A percentage given as 0–100, rounded to `digits`: 87.26 → "87 %". */
export function formatPercent(percent: number, digits = 0): string {
  return `${percent.toFixed(digits)} %`;
}

/** A plain number rounded to `digits` decimals, for CSV cells and totals: (1.23456, 3) → 1.235. */
export function roundTo(n: number, digits: number): number {
  return Number(n.toFixed(digits));
}

/** A UTC day in ISO form: "2026-03-14". */
export function isoDate(time: number | Date): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** A UTC date and time to the second: "2026-03-14 09:26:53 UTC". */
export function isoDateTime(time: number | Date): string {
  return new Date(time)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** A UTC time that sorts and is safe in a file name: "2026-11-22-09-30-00". */
export function fileStamp(time: number | Date): string {
  return new Date(time).toISOString().slice(0, 19).replace(/[:T]/g, '-');
}
