import { describe, expect, it } from 'vitest';
import {
  fileStamp,
  formatCount,
  formatFixed,
  formatMicrons,
  formatPercent,
  formatUpTo,
  isoDate,
  isoDateTime,
  roundTo,
} from './format.ts';

describe('numbers', () => {
  it('separates thousands and keeps what decimals a count has', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(-1234567)).toBe('-1,234,567');
    expect(formatCount(1234.5)).toBe('1,234.5');
  });

  it('writes a fixed number of decimals, or at most some', () => {
    expect(formatFixed(1234.56, 1)).toBe('1,234.6');
    expect(formatFixed(2, 1)).toBe('2.0');
    expect(formatFixed(1234.5)).toBe('1,235');
    expect(formatUpTo(1.5, 3)).toBe('1.5');
    expect(formatUpTo(12345.6789, 2)).toBe('12,345.68');
  });

  it('rounds plain numbers for CSV without separators', () => {
    expect(roundTo(1.23456, 3)).toBe(1.235);
    expect(roundTo(41150.3984375, 1)).toBe(41150.4);
    expect(roundTo(7, 2)).toBe(7);
  });
});

describe('lengths and percentages', () => {
  it('writes nm as µm', () => {
    expect(formatMicrons(1500)).toBe('1.5 µm');
    expect(formatMicrons(2_000_000)).toBe('2,000 µm');
    expect(formatMicrons(1234, 3)).toBe('1.234 µm');
    expect(formatMicrons(1260)).toBe('1.3 µm');
  });

  it('writes percentages with a space before the sign', () => {
    expect(formatPercent(87.26)).toBe('87 %');
    expect(formatPercent(87.26, 1)).toBe('87.3 %');
    expect(formatPercent(100)).toBe('100 %');
  });
});

describe('dates', () => {
  const t = Date.UTC(2026, 2, 14, 23, 26, 53, 120);

  it('writes the UTC day in ISO form, whatever the local time zone', () => {
    expect(isoDate(t)).toBe('2026-03-14');
    expect(isoDate(new Date(t))).toBe('2026-03-14');
  });

  it('writes date-times to the second, in UTC', () => {
    expect(isoDateTime(t)).toBe('2026-03-14 23:26:53 UTC');
  });

  it('writes file-name stamps without colons', () => {
    expect(fileStamp(t)).toBe('2026-03-14-23-26-53');
  });
});
