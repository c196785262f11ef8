/**
 * Unsigned LEB128 varints over a growing byte buffer, and a bounds-checked reader: the binary
 * layer of compact links. Values are non-negative safe integers (skeleton ids need up to 53 bits,
 * so arithmetic, not 32-bit shifts). The reader throws `RangeError` on truncated or oversized
 * input; its caller turns that into a message.
 */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  private n = 0;

  private room(extra: number): void {
    if (this.n + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + extra));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }

  byte(v: number): void {
    this.room(1);
    this.buf[this.n++] = v & 0xff;
  }

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a varint: ${value}`);
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.n++] = v;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

export class ByteReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  byte(): number {
    const v = this.buf[this.pos++];
    if (v === undefined) throw new RangeError('the link ends too early');
    return v;
  }

  /** A varint no larger than `max`. */
  varint(max = Number.MAX_SAFE_INTEGER): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (value > max) throw new RangeError(`a value (${value}) is out of range`);
        return value;
      }
      scale *= 0x80;
    }
    throw new RangeError('a number is too long');
  }
}
