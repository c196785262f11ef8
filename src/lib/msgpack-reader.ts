/**
 * A MessagePack reader that walks the bytes in place, so hot paths can pull numbers straight
 * into typed arrays instead of first building a JS array per row (a generic decoder allocated
 * ~3 million row arrays for 1,000 neurons, most of the worker's time). `value()` decodes any
 * value generically, as @msgpack/msgpack does (map keys become object keys).
 */

export class MsgpackFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'MsgpackFormatError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export class MsgpackReader {
  /** For hot loops that decode the common encodings inline (see compact-detail-msgpack). */
  readonly view: DataView;
  pos = 0;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  fail(what: string, at = this.pos): never {
    throw new MsgpackFormatError(what, at);
  }

  private need(n: number): void {
    if (this.pos + n > this.bytes.length) this.fail('unexpected end of data');
  }

  peek(): number {
    this.need(1);
    return this.bytes[this.pos] ?? 0;
  }

  /** Reads nil and returns true, or reads nothing and returns false. */
  nil(): boolean {
    if (this.peek() !== 0xc0) return false;
    this.pos++;
    return true;
  }

  /** The next value is an array. */
  atArray(): boolean {
    const b = this.peek();
    return (b >= 0x90 && b <= 0x9f) || b === 0xdc || b === 0xdd;
  }

  /** An array header: its length. */
  arrayLength(): number {
    const b = this.peek();
    if (b >= 0x90 && b <= 0x9f) {
      this.pos++;
      return b & 0x0f;
    }
    if (b === 0xdc) return this.length16();
    if (b === 0xdd) return this.length32();
    return this.fail('expected an array');
  }

  /** A map header: its number of entries. */
  mapLength(): number {
    const b = this.peek();
    if (b >= 0x80 && b <= 0x8f) {
      this.pos++;
      return b & 0x0f;
    }
    if (b === 0xde) return this.length16();
    if (b === 0xdf) return this.length32();
    return this.fail('expected a map');
  }

  private length16(): number {
    this.need(3);
    const n = this.view.getUint16(this.pos + 1);
    this.pos += 3;
    return n;
  }

  private length32(): number {
    this.need(5);
    const n = this.view.getUint32(this.pos + 1);
    this.pos += 5;
    return n;
  }

  /** Any integer or float; fails on anything else. */
  number(): number {
    const at = this.pos;
    const b = this.peek();
    if (b <= 0x7f) {
      this.pos++;
      return b;
    }
    if (b >= 0xe0) {
      this.pos++;
      return b - 0x100;
    }
    const v = this.view;
    switch (b) {
      case 0xcb:
        this.need(9);
        this.pos += 9;
        return v.getFloat64(at + 1);
      case 0xca:
        this.need(5);
        this.pos += 5;
        return v.getFloat32(at + 1);
      case 0xcc:
        this.need(2);
        this.pos += 2;
        return v.getUint8(at + 1);
      case 0xcd:
        this.need(3);
        this.pos += 3;
        return v.getUint16(at + 1);
      case 0xce:
        this.need(5);
        this.pos += 5;
        return v.getUint32(at + 1);
      case 0xcf:
        this.need(9);
        this.pos += 9;
        return v.getUint32(at + 1) * 2 ** 32 + v.getUint32(at + 5);
      case 0xd0:
        this.need(2);
        this.pos += 2;
        return v.getInt8(at + 1);
      case 0xd1:
        this.need(3);
        this.pos += 3;
        return v.getInt16(at + 1);
      case 0xd2:
        this.need(5);
        this.pos += 5;
        return v.getInt32(at + 1);
      case 0xd3:
        this.need(9);
        this.pos += 9;
        return v.getInt32(at + 1) * 2 ** 32 + v.getUint32(at + 5);
      default:
        return this.fail('expected a number');
    }
  }

  /** A string, or null if the next value is not one (nothing is read then). */
  stringOrNull(): string | null {
    const b = this.peek();
    let n: number;
    let head: number;
    if (b >= 0xa0 && b <= 0xbf) {
      n = b & 0x1f;
      head = 1;
    } else if (b === 0xd9) {
      this.need(2);
      n = this.bytes[this.pos + 1] ?? 0;
      head = 2;
    } else if (b === 0xda) {
      this.need(3);
      n = this.view.getUint16(this.pos + 1);
      head = 3;
    } else if (b === 0xdb) {
      this.need(5);
      n = this.view.getUint32(this.pos + 1);
      head = 5;
    } else return null;
    this.need(head + n);
    const start = this.pos + head;
    this.pos = start + n;
    return utf8.decode(this.bytes.subarray(start, start + n));
  }

  /** Any value, decoded generically (maps become plain objects keyed by String(key)). */
  value(): unknown {
    const b = this.peek();
    if (b <= 0x7f || b >= 0xe0 || (b >= 0xca && b <= 0xd3)) return this.number();
    if ((b >= 0x90 && b <= 0x9f) || b === 0xdc || b === 0xdd) {
      const n = this.arrayLength();
      const out: unknown[] = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = this.value();
      return out;
    }
    if ((b >= 0x80 && b <= 0x8f) || b === 0xde || b === 0xdf) {
      const n = this.mapLength();
      const out: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const key = this.value();
        if (typeof key !== 'string' && typeof key !== 'number') this.fail('unsupported map key');
        const k = String(key);
        const v = this.value();
        // A "__proto__" key (a tag can be called anything) must stay an ordinary property.
        if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true });
        else out[k] = v;
      }
      return out;
    }
    const s = this.stringOrNull();
    if (s !== null) return s;
    this.pos++;
    if (b === 0xc0) return null;
    if (b === 0xc2) return false;
    if (b === 0xc3) return true;
    return this.fail(`unsupported type 0x${b.toString(16)}`, this.pos - 1);
  }

  /** Skips one value. */
  skip(): void {
    this.value();
  }
}
