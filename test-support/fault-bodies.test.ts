import { decode, encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { garbleBody, msgpackValueOffsets } from './fault-bodies.ts';

const NAMES = JSON.stringify({ '1170': 'KC-g 001 left', '1172': 'KC-g 002 left, "b": 3' });

/** Positions where two equal-length buffers differ. */
const diff = (a: Buffer, b: Buffer) => [...a.keys()].filter((i) => a[i] !== b[i]);

// The app's side (InvalidJsonError, "malformed msgpack") is tested in src and in e2e/faults.
describe('garbleBody: a complete answer that is not valid (the malformed-json fault)', () => {
  it('JSON: one separator outside the strings becomes ";", so every bracket still closes', () => {
    const body = Buffer.from(NAMES);
    const out = garbleBody(body, 'application/json');
    expect(out.length).toBe(body.length);
    const changed = diff(body, out);
    expect(changed).toHaveLength(1);
    const at = changed[0] ?? -1;
    expect(String.fromCharCode(out[at] ?? 0)).toBe(';');
    expect([',', ':']).toContain(String.fromCharCode(body[at] ?? 0));
    // Not one inside a string (which would keep the JSON valid).
    expect(() => JSON.parse(out.toString('utf8')) as unknown).toThrow(SyntaxError);
    expect(Math.abs(at - body.length / 2)).toBeLessThan(body.length / 4);
  });

  it('JSON without separators gets a stray character instead', () => {
    const out = garbleBody(Buffer.from('{}'), 'application/json').toString('utf8');
    expect(() => JSON.parse(out) as unknown).toThrow(SyntaxError);
  });

  it('finds the offset of every msgpack value', () => {
    // fixmap(1) "a" → array(2) [1, "xy"]
    expect(msgpackValueOffsets(encode({ a: [1, 'xy'] }))).toEqual([0, 1, 3, 4, 5]);
  });

  it('msgpack: the type byte nearest the middle becomes 0xc1, which no decoder accepts', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => [1000 + i, 999 + i, 3, i * 10.5, 20, 30]);
    const body = Buffer.from(encode([nodes, [], {}, 'a string with , and : inside']));
    const out = garbleBody(body, 'application/octet-stream');
    expect(out.length).toBe(body.length);
    const changed = diff(body, out);
    expect(changed).toHaveLength(1);
    expect(msgpackValueOffsets(body)).toContain(changed[0]);
    expect(out[changed[0] ?? -1]).toBe(0xc1);
    expect(() => decode(out)).toThrow();
  });
});
