import { decode, encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../lib/http/errors.ts';
import { decodeCompactDetail } from './compact-detail-decode.ts';
import {
  decodeCompactDetailBatchMsgpack,
  decodeCompactDetailMsgpack,
} from './compact-detail-msgpack.ts';

const E = 'POST /{pid}/skeletons/compact-detail';

function skeleton(o: number, rows = 3): unknown[] {
  const nodes = Array.from({ length: rows }, (_, i) => [
    o + i,
    i === 0 ? null : o + i - 1,
    3,
    i * 1000.25,
    -i,
    2 ** 20 + i,
    i === 0 ? 350.5 : -1,
    5,
  ]);
  return [nodes, [[o + 1, 900, 0, 1.5, 2.5, 3.5]], { soma: [o] }, [], []];
}

/** What the generic decoder makes of `value` after a msgpack round trip. */
const generic = (value: unknown, id: number) => decodeCompactDetail(decode(encode(value)), id, E);

/** `{"skeletons": {id: value, …}}` with integer keys, as CATMAID sends it. */
function batch(entries: [number, unknown][]): Uint8Array {
  const parts: number[] = [0x81, ...encode('skeletons'), 0x80 | entries.length];
  for (const [id, value] of entries) parts.push(...encode(id), ...encode(value));
  return Uint8Array.from(parts);
}

describe('compact-detail msgpack decoding', () => {
  it('decodes a batch with integer keys exactly as the generic decoder does', () => {
    const a = skeleton(100);
    const b = skeleton(70_000, 200);
    const out = decodeCompactDetailBatchMsgpack(
      batch([
        [16, a],
        [17, b],
      ]),
      E,
    );
    expect(out.get(16)).toEqual(generic(a, 16));
    expect(out.get(17)).toEqual(generic(b, 17));
    const d = out.get(17);
    if (!d || d instanceof Error) throw new Error('17 missing');
    expect(d.parentIndex[5]).toBe(4);
    expect(d.positions[5 * 3 + 2]).toBe(2 ** 20 + 5);
    expect(d.somaIndex).toBe(0);
  });

  it('accepts string keys and extra envelope keys', () => {
    const bytes = Uint8Array.from([
      0x82,
      ...encode('other'),
      ...encode([1, 2]),
      ...encode('skeletons'),
      ...encode({ '5': skeleton(1) }),
    ]);
    expect(decodeCompactDetailBatchMsgpack(bytes, E).get(5)).toMatchObject({ nodeCount: 3 });
  });

  it('decodes history rows (11 columns, historic versions dropped) through the generic path', () => {
    const rows = [
      [1, null, 3, 0, 0, 0, -1, 5, '2021-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1],
      [1, null, 3, 9, 9, 9, -1, 5, '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z', 2],
      [2, 1, 3, 1, 0, 0, -1, 5, '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z', 1],
    ];
    const value = [rows, [], {}, [], []];
    const d = decodeCompactDetailBatchMsgpack(batch([[8, value]]), E).get(8);
    expect(d).toEqual(generic(value, 8));
    expect(d).toMatchObject({ nodeCount: 2 });
  });

  it("a skeleton with bad rows fails alone, with the generic decoder's message", () => {
    const bad = skeleton(1);
    (bad[0] as unknown[][])[1] = [2, 1, 3, 'x', 0, 0, -1, 5];
    const out = decodeCompactDetailBatchMsgpack(
      batch([
        [1, bad],
        [2, skeleton(50)],
        [3, 'not an array'],
      ]),
      E,
    );
    expect(out.get(1)).toBeInstanceOf(SchemaError);
    expect(String(out.get(1))).toMatch(/skeleton 1: nodes\[1\]: expected \[id, parent\|null/);
    expect(out.get(2)).toMatchObject({ nodeCount: 3 });
    expect(String(out.get(3))).toMatch(/skeleton 3: \(root\): expected an array of 2–5/);
  });

  it('malformed msgpack or a wrong envelope fails the whole answer with a SchemaError', () => {
    const whole = batch([[1, skeleton(1)]]);
    expect(() => decodeCompactDetailBatchMsgpack(whole.slice(0, -3), E)).toThrow(
      /malformed msgpack, not valid: unexpected end of data/,
    );
    expect(() => decodeCompactDetailBatchMsgpack(encode([1, 2]), E)).toThrow(SchemaError);
    expect(() => decodeCompactDetailBatchMsgpack(encode({ detail: 'x' }), E)).toThrow(
      /expected \{"skeletons"/,
    );
  });

  it('decodes a single-skeleton answer and rejects trailing bytes', () => {
    const value = skeleton(10);
    const bytes = encode(value);
    expect(decodeCompactDetailMsgpack(bytes, 9, E)).toEqual(generic(value, 9));
    expect(() => decodeCompactDetailMsgpack(Uint8Array.from([...bytes, 0x01]), 9, E)).toThrow(
      /trailing bytes/,
    );
  });
});
