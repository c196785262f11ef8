/**
 * CATMAID's batch compact-detail JSON, `{"skeletons":{"16":[…],"17":[…]}}` (DRF's compact JSON,
 * no spaces; each value byte for byte what the single-skeleton GET returns), split into one
 * byte range per skeleton and put back together. Anything else (other spacing, another shape)
 * is not split, and the caller leaves that answer uncached.
 */

const PREFIX = Buffer.from('{"skeletons":{');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;

/** Index just past the JSON value starting at `start`, or -1 if it does not end. */
export function jsonValueEnd(buf: Buffer, start: number): number {
  let depth = 0;
  let i = start;
  while (i < buf.length) {
    const c = buf[i] ?? 0;
    if (c === QUOTE) {
      i++;
      while (i < buf.length && buf[i] !== QUOTE) i += buf[i] === BACKSLASH ? 2 : 1;
      i++;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      i++;
    } else if (c === 0x5d || c === CLOSE_BRACE) {
      if (depth === 0) return i;
      depth--;
      i++;
      if (depth === 0) return i;
    } else if (depth === 0 && (c === COMMA || c === 0x20)) {
      return i;
    } else {
      i++;
    }
  }
  return depth === 0 && i > start ? i : -1;
}

/** Skeleton id → its value's bytes (views into `buf`), in answer order; null if not this shape. */
export function splitJsonBatch(buf: Buffer): Map<number, Buffer> | null {
  if (buf.length < PREFIX.length + 2 || !buf.subarray(0, PREFIX.length).equals(PREFIX)) return null;
  const out = new Map<number, Buffer>();
  let i = PREFIX.length;
  if (buf[i] === CLOSE_BRACE)
    return buf.length === i + 2 && buf[i + 1] === CLOSE_BRACE ? out : null;
  for (;;) {
    if (buf[i] !== QUOTE) return null;
    const keyEnd = buf.indexOf(QUOTE, i + 1);
    if (keyEnd < 0 || buf[keyEnd + 1] !== COLON) return null;
    const key = buf.toString('latin1', i + 1, keyEnd);
    if (!/^\d+$/.test(key)) return null;
    const start = keyEnd + 2;
    const end = jsonValueEnd(buf, start);
    if (end < 0 || end === start) return null;
    out.set(Number(key), buf.subarray(start, end));
    i = end;
    if (buf[i] === COMMA) {
      i++;
      continue;
    }
    if (buf[i] === CLOSE_BRACE && buf[i + 1] === CLOSE_BRACE && i + 2 === buf.length) return out;
    return null;
  }
}

/** The batch answer's bytes in order (written one after another, never copied into one). */
export function joinJsonBatch(values: ReadonlyMap<number, Buffer>): Buffer[] {
  const parts: Buffer[] = [PREFIX];
  let first = true;
  for (const [id, value] of values) {
    parts.push(Buffer.from(`${first ? '' : ','}"${id}":`), value);
    first = false;
  }
  parts.push(Buffer.from('}}'));
  return parts;
}

/** One whole JSON array or object, checked by walking it (a cut-off answer is not cached). */
export function isWholeJsonValue(buf: Buffer): boolean {
  const first = buf[0];
  if (first !== 0x5b && first !== 0x7b) return false;
  return jsonValueEnd(buf, 0) === buf.length;
}
