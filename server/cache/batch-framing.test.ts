/**
 * Splitting a batch answer into per-skeleton bytes and joining them back must give CATMAID's
 * own bytes: checked on real recorded answers (JSON) and on the demo server's msgpack.
 */
import { decode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import {
  hasShared,
  recordingBytes,
  sharedMissingMessage,
} from '../../test-support/shared-fixtures.ts';
import { isWholeJsonValue, joinJsonBatch, splitJsonBatch } from './json-batch.ts';
import { isWholeMsgpackValue, joinMsgpackBatch, splitMsgpackBatch } from './msgpack-batch.ts';
import { MsgpackWriter } from '../demo/http/msgpack.ts';

if (!hasShared) console.warn(sharedMissingMessage);

describe.runIf(hasShared)('JSON batch framing on real CATMAID answers', () => {
  it('splits the recorded batch into the single-skeleton answers, and joins it back byte for byte', () => {
    const batch = Buffer.from(recordingBytes('p6-compact-detail-batch-olfactory.json'));
    const parts = splitJsonBatch(batch);
    expect([...(parts?.keys() ?? [])]).toEqual([102945, 102961, 102973, 102984, 102994, 103006]);
    const single = Buffer.from(recordingBytes('p6-compact-detail-102994-connectors-tags.json'));
    expect(parts?.get(102994)?.equals(single)).toBe(true);
    expect(isWholeJsonValue(single)).toBe(true);
    expect(parts && Buffer.concat(joinJsonBatch(parts)).equals(batch)).toBe(true);
    // Partial batches keep the order given (CATMAID answers in request order) and stay valid.
    const two = new Map([...(parts ?? [])].slice(0, 2).reverse());
    const joined = Buffer.concat(joinJsonBatch(two));
    expect(joined.toString('latin1', 0, 23)).toBe('{"skeletons":{"102961":');
    expect(
      splitJsonBatch(joined)
        ?.get(102945)
        ?.equals(parts?.get(102945) ?? Buffer.alloc(0)),
    ).toBe(true);
    expect(() => JSON.parse(joined.toString()) as unknown).not.toThrow();
  });

  it('refuses answers it does not know (another spacing, cut off, an error)', () => {
    const batch = Buffer.from(recordingBytes('p6-compact-detail-batch-small.json'));
    expect(splitJsonBatch(batch)?.size).toBe(2);
    expect(splitJsonBatch(batch.subarray(0, batch.length - 1))).toBeNull();
    expect(splitJsonBatch(batch.subarray(0, 5000))).toBeNull();
    expect(splitJsonBatch(Buffer.from('{"skeletons": {"1": [[], [], {}, [], []]}}'))).toBeNull();
    expect(splitJsonBatch(Buffer.from('{"detail":"Not found."}'))).toBeNull();
    expect(isWholeJsonValue(Buffer.from('[[1,2],[3'))).toBe(false);
  });
});

describe('msgpack batch framing', () => {
  function batchOf(values: Map<number, unknown>): Buffer {
    const w = new MsgpackWriter();
    w.map(1);
    w.value('skeletons');
    w.map(values.size);
    for (const [id, v] of values) {
      w.int(id);
      w.value(v);
    }
    return Buffer.from(w.result());
  }

  it('splits into values that decode alone, and joins back to the same bytes', () => {
    const detail = (n: number) => [
      Array.from({ length: n }, (_, i) => [
        i + 1000,
        i === 0 ? null : i + 999,
        3,
        1.5,
        -2.25,
        1e9,
        -1,
        5,
      ]),
      [[1000, 70000, 1, 1, 2, 3]],
      new Map([
        ['soma', [1000]],
        ['a long tag name that needs more than thirty-one bytes', [1001]],
      ]),
      [],
      [],
    ];
    const values = new Map<number, unknown>([
      [70_000, detail(3)],
      [4_000_000_000, detail(20)],
      [65_536, detail(1)],
    ]);
    const batch = batchOf(values);
    const parts = splitMsgpackBatch(batch);
    expect([...(parts?.keys() ?? [])]).toEqual([70_000, 4_000_000_000, 65_536]);
    for (const part of parts?.values() ?? []) expect(isWholeMsgpackValue(part)).toBe(true);
    expect((decode(parts?.get(70_000) ?? new Uint8Array()) as unknown[][])[0]?.length).toBe(3);
    expect(parts && Buffer.concat(joinMsgpackBatch(parts)).equals(batch)).toBe(true);
  });

  it('writes map headers and integer keys in their smallest form, as Python msgpack does', () => {
    const many = new Map<number, Buffer>();
    for (let i = 0; i < 20; i++) many.set(200 + i, Buffer.from([0x90]));
    const joined = Buffer.concat(joinMsgpackBatch(many));
    expect(joined.subarray(11, 14)).toEqual(Buffer.from([0xde, 0, 20])); // map16 past 15
    expect(joined.subarray(14, 16)).toEqual(Buffer.from([0xcc, 200])); // uint8 key
    expect(splitMsgpackBatch(joined)?.size).toBe(20);
  });

  it('refuses a cut-off answer', () => {
    const batch = batchOf(new Map([[70_000, [[[1, null, 3, 1.5, 2, 3, -1, 5]], [], {}, [], []]]]));
    expect(splitMsgpackBatch(batch.subarray(0, batch.length - 3))).toBeNull();
    expect(isWholeMsgpackValue(batch.subarray(0, batch.length - 3))).toBe(false);
  });
});
