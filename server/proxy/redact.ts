/**
 * Keeps credentials out of everything the proxy sends back. An upstream error page may echo the
 * request headers (Django's debug page lists `HTTP_X_AUTHORIZATION` and `HTTP_AUTHORIZATION`),
 * so every upstream header value and body byte is scanned for the token, the basic-auth password
 * and its base64 `user:password` form, and each match is overwritten in place by `*`s of the same
 * length: offsets and lengths stay valid (a msgpack string stays a msgpack string) and so does
 * the content-length. Short secrets (a weak password) would also match ordinary data, so they
 * are only redacted in text answers (see `secretsFor`).
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Shorter secrets are redacted only where a false match cannot corrupt data. */
export const MIN_BINARY_SECRET_BYTES = 8;
const MASK = 0x2a; // '*'

export interface Credentials {
  tokens: readonly (string | undefined)[];
  basicUser: string | undefined;
  basicPassword: string | undefined;
}

function variants(secret: string): string[] {
  const html = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, html, json, encodeURIComponent(secret)];
}

/** Every form in which a credential could come back, longest first. */
export function secretStrings(creds: Credentials): string[] {
  const out = new Set<string>();
  for (const token of creds.tokens) if (token) for (const v of variants(token)) out.add(v);
  if (creds.basicUser !== undefined) {
    const pair = `${creds.basicUser}:${creds.basicPassword ?? ''}`;
    out.add(Buffer.from(pair).toString('base64'));
    if (creds.basicPassword) {
      for (const v of variants(pair)) out.add(v);
      for (const v of variants(creds.basicPassword)) out.add(v);
    }
  }
  out.delete('');
  return [...out].sort((a, b) => b.length - a.length);
}

/** The byte patterns to redact from a body; `text` bodies also lose short secrets. */
export function secretsFor(creds: Credentials, text: boolean): Buffer[] {
  return secretStrings(creds)
    .map((s) => Buffer.from(s))
    .filter((b) => text || b.length >= MIN_BINARY_SECRET_BYTES);
}

/** Overwrite every occurrence of every secret in `buf`, in place. */
export function maskInPlace(buf: Buffer, secrets: readonly Buffer[]): void {
  for (const secret of secrets) {
    let at = buf.indexOf(secret);
    while (at !== -1) {
      buf.fill(MASK, at, at + secret.length);
      at = buf.indexOf(secret, at + secret.length);
    }
  }
}

export function redactString(value: string, creds: Credentials): string {
  let out = value;
  for (const secret of secretStrings(creds))
    out = out.split(secret).join('*'.repeat(secret.length));
  return out;
}

/**
 * Streaming redaction. A secret may straddle chunks, so the last `longest - 1` bytes of each
 * chunk are held back until the next one arrives (or the stream ends); matches are masked
 * before anything is released. Cost: one Buffer.indexOf pass per secret, no per-byte JS.
 */
export class RedactStream extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private readonly keep: number;

  constructor(private readonly secrets: readonly Buffer[]) {
    super();
    this.keep = Math.max(0, ...secrets.map((s) => s.length - 1));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.secrets.length === 0) {
      done(null, chunk);
      return;
    }
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    maskInPlace(buf, this.secrets);
    const release = buf.length - this.keep;
    if (release <= 0) {
      this.carry = buf;
      done();
      return;
    }
    // Copy the held-back tail: `buf` may be a view on memory the next stage still reads.
    this.carry = Buffer.from(buf.subarray(release));
    done(null, buf.subarray(0, release));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.carry.length > 0 ? this.carry : undefined);
  }
}
