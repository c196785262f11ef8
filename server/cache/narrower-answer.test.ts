/**
 * A nodes-only (or connectors-only) compact-detail answer derived from the full one must be
 * CATMAID's own answer for those flags: checked on a real recorded pair (JSON) and on values the
 * demo server's msgpack writer encodes as CATMAID does.
 */
import { describe, expect, it } from 'vitest';
import {
  hasShared,
  recordingBytes,
  sharedMissingMessage,
} from '../../test-support/shared-fixtures.ts';
import { MsgpackWriter } from '../demo/http/msgpack.ts';
import { fullerVariant, narrowValue } from './narrower-answer.ts';

if (!hasShared) console.warn(sharedMissingMessage);

const NODES = [
  [1, null, 3, 10.5, 2.0, 3.25, -1.0, 5],
  [2, 1, 3, 11.5, 2.0, 3.25, 40.0, 5],
];
const CONNECTORS = [[2, 900, 0, 1.5, 2.5, 3.5]];
const TAGS = { soma: [1], ends: [2] };

function msgpack(value: unknown): Buffer {
  const w = new MsgpackWriter();
  w.value(value);
  return Buffer.from(w.result());
}

describe('fullerVariant', () => {
  it('names the full entry (connectors and tags, same format) a narrower answer is part of', () => {
    expect(fullerVariant('nodes|msgpack')).toBe('connectors+tags|msgpack');
    expect(fullerVariant('connectors|json')).toBe('connectors+tags|json');
    expect(fullerVariant('tags|json')).toBe('connectors+tags|json');
    expect(fullerVariant('reviews|json')).toBe('connectors+reviews+tags|json');
    expect(fullerVariant('connectors+tags|msgpack')).toBeNull();
    expect(fullerVariant('annotations+connectors+tags|json')).toBeNull();
  });
});

describe('narrowValue', () => {
  it('empties the slots of flags not asked for, in JSON (DRF compact form)', () => {
    const full = Buffer.from(JSON.stringify([NODES, CONNECTORS, TAGS, [], []]));
    expect(narrowValue(full, 'nodes|json')?.toString()).toBe(
      JSON.stringify([NODES, [], {}, [], []]),
    );
    expect(narrowValue(full, 'connectors|json')?.toString()).toBe(
      JSON.stringify([NODES, CONNECTORS, {}, [], []]),
    );
    expect(narrowValue(full, 'tags|json')?.toString()).toBe(
      JSON.stringify([NODES, [], TAGS, [], []]),
    );
    // Strings with brackets and commas (tag names) do not end a slot early.
    const odd = { 'a],[b': [1], '{"x",': [2] };
    const withOdd = Buffer.from(JSON.stringify([NODES, CONNECTORS, odd, [], []]));
    expect(narrowValue(withOdd, 'tags|json')?.toString()).toBe(
      JSON.stringify([NODES, [], odd, [], []]),
    );
    // An old server's three slots stay three.
    const old = Buffer.from(JSON.stringify([NODES, CONNECTORS, TAGS]));
    expect(narrowValue(old, 'nodes|json')?.toString()).toBe(JSON.stringify([NODES, [], {}]));
  });

  it('does the same in msgpack, byte for byte what the demo server writes for those flags', () => {
    const full = msgpack([NODES, CONNECTORS, TAGS, [], []]);
    expect(narrowValue(full, 'nodes|msgpack')?.equals(msgpack([NODES, [], {}, [], []]))).toBe(true);
    expect(
      narrowValue(full, 'connectors|msgpack')?.equals(msgpack([NODES, CONNECTORS, {}, [], []])),
    ).toBe(true);
    // More than 15 node rows: the nodes slot has a longer array header, copied as it is.
    const many = Array.from({ length: 70_000 }, (_, i) => [
      i + 1,
      i,
      3,
      i * 1.5,
      2.0,
      3.0,
      -1.0,
      5,
    ]);
    const big = msgpack([many, CONNECTORS, TAGS, [], []]);
    expect(narrowValue(big, 'nodes|msgpack')?.equals(msgpack([many, [], {}, [], []]))).toBe(true);
  });

  it('refuses what is not a compact-detail value', () => {
    expect(narrowValue(Buffer.from('{"detail":"Not found."}'), 'nodes|json')).toBeNull();
    expect(narrowValue(Buffer.from('[[1,2],[3'), 'nodes|json')).toBeNull();
    expect(narrowValue(Buffer.from('[[1,2] ,[]]'), 'nodes|json')).toBeNull();
    expect(narrowValue(msgpack({ detail: 'x' }), 'nodes|msgpack')).toBeNull();
    const cut = msgpack([NODES, CONNECTORS, TAGS, [], []]);
    expect(narrowValue(cut.subarray(0, cut.length - 3), 'nodes|msgpack')).toBeNull();
  });
});

describe.runIf(hasShared)('narrowValue on real CATMAID answers', () => {
  it('the recorded connectors-and-tags answer, narrowed, is the recorded plain answer', () => {
    const full = Buffer.from(recordingBytes('p6-compact-detail-102994-connectors-tags.json'));
    const plain = Buffer.from(recordingBytes('p6-compact-detail-102994-plain.json'));
    expect(narrowValue(full, 'nodes|json')?.equals(plain)).toBe(true);
  });
});
