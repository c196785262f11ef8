/**
 * Minimal MessagePack encoder. Own code instead of @msgpack/msgpack's encode because CATMAID's
 * msgpack answers use integer map keys (Python dicts keyed by skeleton ID) and that library
 * only encodes string-keyed objects. `Map` values are written with their keys as they are.
 * `MsgpackWriter` also lets hot paths (millions of skeleton nodes) write rows directly instead
 * of building a JS array per row first.
 */
class Writer {
  private buf = Buffer.alloc(1 << 16);
  private at = 0;

  private ensure(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = Buffer.alloc(size);
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.at++] = v;
  }

  bytes(head: number, write: (b: Buffer, at: number) => void, n: number): void {
    this.ensure(1 + n);
    this.buf[this.at++] = head;
    write(this.buf, this.at);
    this.at += n;
  }

  /** Head byte then a big-endian number of `n` bytes; no closure (hot: millions of calls). */
  headU16(head: number, v: number): void {
    this.ensure(3);
    this.buf[this.at] = head;
    this.buf.writeUInt16BE(v, this.at + 1);
    this.at += 3;
  }

  headU32(head: number, v: number): void {
    this.ensure(5);
    this.buf[this.at] = head;
    this.buf.writeUInt32BE(v, this.at + 1);
    this.at += 5;
  }

  headF64(head: number, v: number): void {
    this.ensure(9);
    this.buf[this.at] = head;
    this.buf.writeDoubleBE(v, this.at + 1);
    this.at += 9;
  }

  raw(src: Buffer): void {
    this.ensure(src.length);
    src.copy(this.buf, this.at);
    this.at += src.length;
  }

  result(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

function writeInt(w: Writer, v: number): void {
  if (v >= 0 && v < 128) w.u8(v);
  else if (v < 0 && v >= -32) w.u8(0xe0 | (v + 32));
  else if (v >= 0 && v <= 0xffff) w.headU16(0xcd, v);
  else if (v >= 0 && v <= 0xffffffff) w.headU32(0xce, v);
  else if (v >= -0x80000000 && v < 0) w.bytes(0xd2, (b, at) => b.writeInt32BE(v, at), 4);
  else w.bytes(0xd3, (b, at) => b.writeBigInt64BE(BigInt(v), at), 8);
}

function writeLength(
  w: Writer,
  n: number,
  fix: number,
  fixMax: number,
  c16: number,
  c32: number,
): void {
  if (n < fixMax) w.u8(fix | n);
  else if (n <= 0xffff) w.headU16(c16, n);
  else w.headU32(c32, n);
}

function write(w: Writer, v: unknown): void {
  if (v === null || v === undefined) w.u8(0xc0);
  else if (v === true) w.u8(0xc3);
  else if (v === false) w.u8(0xc2);
  else if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) writeInt(w, v);
    else w.headF64(0xcb, v);
  } else if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    if (s.length < 32) w.u8(0xa0 | s.length);
    else if (s.length <= 0xff) w.bytes(0xd9, (b, at) => b.writeUInt8(s.length, at), 1);
    else writeLength(w, s.length, 0, 0, 0xda, 0xdb);
    w.raw(s);
  } else if (Array.isArray(v)) {
    writeLength(w, v.length, 0x90, 16, 0xdc, 0xdd);
    for (const item of v) write(w, item);
  } else if (v instanceof Map) {
    writeLength(w, v.size, 0x80, 16, 0xde, 0xdf);
    for (const [k, item] of v) {
      write(w, k);
      write(w, item);
    }
  } else if (typeof v === 'object') {
    const entries = Object.entries(v);
    writeLength(w, entries.length, 0x80, 16, 0xde, 0xdf);
    for (const [k, item] of entries) {
      write(w, k);
      write(w, item);
    }
  } else throw new Error(`cannot msgpack-encode ${typeof v}`);
}

export class MsgpackWriter {
  private readonly w = new Writer();

  value(v: unknown): void {
    write(this.w, v);
  }

  int(v: number): void {
    writeInt(this.w, v);
  }

  /** Always a float64 (0xcb), as CATMAID (Python floats) sends coordinates and radii. */
  float64(v: number): void {
    this.w.headF64(0xcb, v);
  }

  array(length: number): void {
    writeLength(this.w, length, 0x90, 16, 0xdc, 0xdd);
  }

  map(size: number): void {
    writeLength(this.w, size, 0x80, 16, 0xde, 0xdf);
  }

  result(): Buffer {
    return this.w.result();
  }
}
