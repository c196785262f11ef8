import { decode, encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { MsgpackFormatError, MsgpackReader } from './msgpack-reader.ts';

const samples: unknown[] = [
  0,
  127,
  128,
  255,
  256,
  65535,
  65536,
  2 ** 32 - 1,
  2 ** 32,
  2 ** 53 - 1,
  -1,
  -32,
  -33,
  -128,
  -129,
  -32768,
  -32769,
  -(2 ** 31),
  -(2 ** 31) - 1,
  -(2 ** 53) + 1,
  0.5,
  -1234.5678,
  1e300,
  '',
  'soma',
  'x'.repeat(31),
  'y'.repeat(32),
  'z'.repeat(300),
  'ü'.repeat(40_000),
  null,
  true,
  false,
  [],
  [1, [2, [3, null]], 'a'],
  Array.from({ length: 70_000 }, (_, i) => i),
  {},
  { soma: [1, 2], ends: [], nested: { a: { b: 'c' } } },
  Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])),
];

describe('MsgpackReader', () => {
  it('decodes every kind of value as @msgpack/msgpack does', () => {
    for (const v of samples) {
      const bytes = encode(v);
      const r = new MsgpackReader(bytes);
      expect(r.value()).toEqual(decode(bytes));
      expect(r.done).toBe(true);
    }
  });

  it('reads float32 values', () => {
    const r = new MsgpackReader(Uint8Array.from([0xca, 0x3f, 0xc0, 0x00, 0x00]));
    expect(r.number()).toBe(1.5);
  });

  it('turns integer map keys into object keys, and keeps "__proto__" an ordinary key', () => {
    // {7: "a", "__proto__": 1}
    const bytes = Uint8Array.from([
      0x82,
      0x07,
      0xa1,
      0x61,
      0xa9,
      ...encode('__proto__').slice(1),
      0x01,
    ]);
    const v = new MsgpackReader(bytes).value() as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['7', '__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(v['7']).toBe('a');
  });

  it('walks arrays in place: headers, numbers, nil', () => {
    const r = new MsgpackReader(encode([[5, null, 2.5]]));
    expect(r.atArray()).toBe(true);
    expect(r.arrayLength()).toBe(1);
    expect(r.arrayLength()).toBe(3);
    expect(r.number()).toBe(5);
    expect(r.nil()).toBe(true);
    expect(r.nil()).toBe(false);
    expect(r.number()).toBe(2.5);
    expect(r.done).toBe(true);
  });

  it('fails with the byte offset on truncated data, wrong types and unsupported types', () => {
    const truncated = encode([1, 2, 'three']).slice(0, -2);
    expect(() => new MsgpackReader(truncated).value()).toThrow(MsgpackFormatError);
    expect(() => new MsgpackReader(encode('a')).number()).toThrow(/expected a number at byte 0/);
    expect(() => new MsgpackReader(encode(1)).arrayLength()).toThrow(/expected an array/);
    expect(() => new MsgpackReader(Uint8Array.from([0xc1])).value()).toThrow(/unsupported type/);
    expect(() => new MsgpackReader(new Uint8Array(0)).value()).toThrow(/unexpected end/);
  });
});
