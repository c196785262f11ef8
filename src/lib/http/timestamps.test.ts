import { describe, expect, it } from 'vitest';
import { parseCatmaidTime, shiftIsoDay } from './timestamps.ts';

const T0 = Date.UTC(2026, 10, 14, 9, 0, 37); // 2026-11-14T09:00:37Z

describe('parseCatmaidTime: the seven formats of API ref §1.6', () => {
  it('Django JSON, fraction dropped or in ms', () => {
    expect(parseCatmaidTime('2026-11-14T09:00:37Z')).toBe(T0);
    expect(parseCatmaidTime('2026-11-22T06:11:28.421Z')).toBe(
      Date.UTC(2026, 10, 22, 6, 11, 28, 421),
    );
  });

  it('DRF microseconds with Z', () => {
    expect(parseCatmaidTime('2026-11-22T06:11:31.999355Z')).toBeCloseTo(
      Date.UTC(2026, 10, 22, 6, 11, 31, 999) + 0.355,
      3,
    );
  });

  it('Python isoformat with +00:00', () => {
    expect(parseCatmaidTime('2026-10-19T09:20:14+00:00')).toBe(Date.UTC(2026, 9, 19, 9, 20, 14));
  });

  it('Postgres JSON with trimmed fraction', () => {
    expect(parseCatmaidTime('2011-09-27T07:49:15.802+00:00')).toBe(
      Date.UTC(2011, 8, 27, 7, 49, 15, 802),
    );
  });

  it('str(datetime) with a space, with and without fraction', () => {
    expect(parseCatmaidTime('2026-10-19 09:00:37+00:00')).toBe(Date.UTC(2026, 9, 19, 9, 0, 37));
    expect(parseCatmaidTime('2011-12-05 13:51:36.955000+00:00')).toBe(
      Date.UTC(2011, 11, 5, 13, 51, 36, 955),
    );
  });

  it('epoch seconds as a float, number or string', () => {
    expect(parseCatmaidTime(1792400437.0)).toBe(1792400437000);
    expect(parseCatmaidTime('1792400437.5')).toBe(1792400437500);
  });

  it('YYYYMMDD day keys', () => {
    expect(parseCatmaidTime('20261019')).toBe(Date.UTC(2026, 9, 19));
  });

  it('honours non-UTC offsets and date-only strings', () => {
    expect(parseCatmaidTime('2026-11-14T11:00:37+02:00')).toBe(T0);
    expect(parseCatmaidTime('2026-11-14T04:00:37-0500')).toBe(T0);
    expect(parseCatmaidTime('2026-11-14')).toBe(Date.UTC(2026, 10, 14));
  });

  it('returns undefined for garbage and null', () => {
    expect(parseCatmaidTime(null)).toBeUndefined();
    expect(parseCatmaidTime('never')).toBeUndefined();
    expect(parseCatmaidTime('2026-13-01T00:00:00Z')).toBeUndefined();
    expect(parseCatmaidTime(Number.NaN)).toBeUndefined();
  });
});

describe('shiftIsoDay', () => {
  it('shifts across month and year ends', () => {
    expect(shiftIsoDay('2026-11-22', 1)).toBe('2026-11-23');
    expect(shiftIsoDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftIsoDay('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftIsoDay('2026-03-01', 0)).toBe('2026-03-01');
  });

  it('rejects impossible dates', () => {
    expect(() => shiftIsoDay('2025-02-30', 1)).toThrow(RangeError);
    expect(() => shiftIsoDay('22.11.2026', 1)).toThrow(RangeError);
  });
});
