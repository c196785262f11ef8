import { describe, expect, it } from 'vitest';
import { shortFloat32 } from './float32.ts';

describe('shortFloat32', () => {
  it('prints a float32 coordinate with the digits Postgres prints for float4', () => {
    expect(String(shortFloat32(Math.fround(41150.4)))).toBe('41150.4');
    expect(String(shortFloat32(Math.fround(31593.2)))).toBe('31593.2');
    expect(String(shortFloat32(Math.fround(0.1)))).toBe('0.1');
  });
  it('keeps integers and values that need all nine digits', () => {
    expect(shortFloat32(41150)).toBe(41150);
    const v = Math.fround(1.0000001);
    expect(Math.fround(shortFloat32(v))).toBe(v);
  });
});
