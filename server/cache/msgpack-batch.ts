/**
 * CATMAID's batch compact-detail msgpack answer, `{"skeletons": {16: […], 17: […]}}` (integer
 * map keys), split into one byte range per skeleton (each byte for byte the single-skeleton
 * answer) and put back together with the header encodings Python's msgpack writes (smallest
 * form). Only walks the structure: values are never decoded.
 */

const SKELETONS = Buffer.from('skeletons');

class Cursor {
  at = 0;
  constructor(readonly buf: Buffer) {}

  need(n: number): void {
    if (this.at + n > this.buf.length) throw new RangeError('msgpack answer cut off');
  }
  u8(): number {
    this.need(1);
    return this.buf[this.at++] ?? 0;
  }
  uint(bytes: 1 | 2 | 4): number {
    this.need(bytes);
    const v = this.buf.readUIntBE(this.at, bytes);
    this.at += bytes;
    return v;
  }
  skip(n: number): void {
    this.need(n);
    this.at += n;
  }
}

/**
 * Bytes after the header byte for the fixed-size encodings (fixints, nil, booleans, numbers,
 * fixext, fixstr); -1 for containers and length-prefixed strings, binaries and extensions.
 */
const FIXED_SIZE = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let h = 0x00; h <= 0x7f; h++) t[h] = 0;
  for (let h = 0xe0; h <= 0xff; h++) t[h] = 0;
  for (let h = 0xa0; h <= 0xbf; h++) t[h] = h & 0x1f;
  const sizes: [number[], number][] = [
    [[0xc0, 0xc2, 0xc3], 0],
    [[0xcc, 0xd0], 1],
    [[0xcd, 0xd1, 0xd4], 2],
    [[0xd5], 3],
    [[0xca, 0xce, 0xd2], 4],
    [[0xd6], 5],
    [[0xcb, 0xcf, 0xd3], 8],
    [[0xd7], 9],
    [[0xd8], 17],
  ];
  for (const [heads, n] of sizes) for (const h of heads) t[h] = n;
  return t;
})();

/** Values to skip (containers) or bytes to skip (length-prefixed) after a variable header. */
function variableHeader(c: Cursor, h: number): number {
  if (h >= 0x80 && h <= 0x8f) return 2 * (h & 0x0f);
  if (h >= 0x90 && h <= 0x9f) return h & 0x0f;
  switch (h) {
    case 0xd9:
    case 0xc4:
      c.skip(c.uint(1));
      return 0;
    case 0xda:
    case 0xc5:
      c.skip(c.uint(2));
      return 0;
    case 0xdb:
    case 0xc6:
      c.skip(c.uint(4));
      return 0;
    case 0xdc:
      return c.uint(2);
    case 0xdd:
      return c.uint(4);
    case 0xde:
      return 2 * c.uint(2);
    case 0xdf:
      return 2 * c.uint(4);
    case 0xc7:
      c.skip(c.uint(1) + 1);
      return 0;
    case 0xc8:
      c.skip(c.uint(2) + 1);
      return 0;
    case 0xc9:
      c.skip(c.uint(4) + 1);
      return 0;
    default:
      throw new RangeError(`not msgpack (byte 0x${h.toString(16)})`);
  }
}

/**
 * Moves past one whole value, nested ones included (a count of values still to skip, no
 * recursion). Fixed-size encodings, nearly every byte of a node row, take one table lookup:
 * splitting a cold lab-scale load walks 80 million values.
 */
function skipValue(c: Cursor): void {
  const buf = c.buf;
  const end = buf.length;
  let at = c.at;
  let pending = 1;
  while (pending > 0) {
    pending--;
    if (at >= end) throw new RangeError('msgpack answer cut off');
    const h = buf[at++] ?? 0xc1;
    const fixed = FIXED_SIZE[h] ?? -1;
    if (fixed >= 0) {
      at += fixed;
      continue;
    }
    if ((h & 0xf0) === 0x90) {
      pending += h & 0x0f; // fixarray: every node row
      continue;
    }
    c.at = at;
    pending += variableHeader(c, h);
    at = c.at;
  }
  if (at > end) throw new RangeError('msgpack answer cut off');
  c.at = at;
}

function mapSize(c: Cursor): number {
  const h = c.u8();
  if (h >= 0x80 && h <= 0x8f) return h & 0x0f;
  if (h === 0xde) return c.uint(2);
  if (h === 0xdf) return c.uint(4);
  throw new RangeError('not a map');
}

function readUint(c: Cursor): number {
  const h = c.u8();
  if (h <= 0x7f) return h;
  if (h === 0xcc) return c.uint(1);
  if (h === 0xcd) return c.uint(2);
  if (h === 0xce) return c.uint(4);
  if (h === 0xcf) {
    c.need(8);
    const v = Number(c.buf.readBigUInt64BE(c.at));
    c.at += 8;
    return v;
  }
  throw new RangeError('not an unsigned integer key');
}

/** Skeleton id → its value's bytes (views into `buf`), in answer order; null if not this shape. */
export function splitMsgpackBatch(buf: Buffer): Map<number, Buffer> | null {
  try {
    const c = new Cursor(buf);
    if (mapSize(c) !== 1) return null;
    const head = c.u8();
    if (head !== (0xa0 | SKELETONS.length)) return null;
    c.need(SKELETONS.length);
    if (!buf.subarray(c.at, c.at + SKELETONS.length).equals(SKELETONS)) return null;
    c.at += SKELETONS.length;
    const n = mapSize(c);
    const out = new Map<number, Buffer>();
    for (let i = 0; i < n; i++) {
      const id = readUint(c);
      const start = c.at;
      skipValue(c);
      out.set(id, buf.subarray(start, c.at));
    }
    return c.at === buf.length ? out : null;
  } catch {
    return null;
  }
}

/**
 * The msgpack array `buf` is (a compact-detail value) as its header's bytes and its elements'
 * byte ranges, or null if it is not one whole array.
 */
export function msgpackArrayParts(buf: Buffer): { header: Buffer; elements: Buffer[] } | null {
  try {
    const c = new Cursor(buf);
    const h = c.u8();
    const n = (h & 0xf0) === 0x90 ? h & 0x0f : h === 0xdc ? c.uint(2) : h === 0xdd ? c.uint(4) : -1;
    if (n < 0) return null;
    const header = buf.subarray(0, c.at);
    const elements: Buffer[] = [];
    for (let i = 0; i < n; i++) {
      const start = c.at;
      skipValue(c);
      elements.push(buf.subarray(start, c.at));
    }
    return c.at === buf.length ? { header, elements } : null;
  } catch {
    return null;
  }
}

/** One whole msgpack value, checked by walking it (a cut-off answer is not cached). */
export function isWholeMsgpackValue(buf: Buffer): boolean {
  try {
    const c = new Cursor(buf);
    skipValue(c);
    return c.at === buf.length;
  } catch {
    return false;
  }
}

function header(n: number, fix: number, c16: number, c32: number): Buffer {
  if (n <= 15) return Buffer.from([fix | n]);
  if (n <= 0xffff) return Buffer.from([c16, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = c32;
  b.writeUInt32BE(n, 1);
  return b;
}

function uintBytes(v: number): Buffer {
  if (v <= 0x7f) return Buffer.from([v]);
  if (v <= 0xff) return Buffer.from([0xcc, v]);
  if (v <= 0xffff) return Buffer.from([0xcd, v >> 8, v & 0xff]);
  if (v <= 0xffffffff) {
    const b = Buffer.alloc(5);
    b[0] = 0xce;
    b.writeUInt32BE(v, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = 0xcf;
  b.writeBigUInt64BE(BigInt(v), 1);
  return b;
}

/** The batch answer's bytes in order (written one after another, never copied into one). */
export function joinMsgpackBatch(values: ReadonlyMap<number, Buffer>): Buffer[] {
  const parts: Buffer[] = [
    Buffer.from([0x81, 0xa0 | SKELETONS.length]),
    SKELETONS,
    header(values.size, 0x80, 0xde, 0xdf),
  ];
  for (const [id, value] of values) parts.push(uintBytes(id), value);
  return parts;
}
