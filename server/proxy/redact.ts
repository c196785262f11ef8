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
const MIN_BINARY_SECRET_BYTES = 8;
const MASK = 0x2a; // '*'

export interface Credentials {
  tokens: readonly (string | undefined)[];
  basicUser: string | undefined;
  basicPassword: string | undefined;
}

function variants(secret: string, escaped: boolean): string[] {
  if (!escaped) return [secret];
  const html = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, html, json, encodeURIComponent(secret)];
}

/**
 * Every form in which a credential could come back, longest first. `escaped` adds the HTML-,
 * JSON- and URL-escaped spellings a text page would use.
 */
function secretStrings(creds: Credentials, escaped = true): string[] {
  const out = new Set<string>();
  for (const token of creds.tokens) if (token) for (const v of variants(token, escaped)) out.add(v);
  if (creds.basicUser !== undefined) {
    const pair = `${creds.basicUser}:${creds.basicPassword ?? ''}`;
    out.add(Buffer.from(pair).toString('base64'));
    if (creds.basicPassword) {
      for (const v of variants(pair, escaped)) out.add(v);
      for (const v of variants(creds.basicPassword, escaped)) out.add(v);
    }
  }
  out.delete('');
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * The byte patterns to redact from a body. Text bodies: every spelling of every secret. Binary
 * bodies (msgpack, octet-stream) hold raw bytes only, so only the raw forms (fewer passes over
 * 100+ MB), and only those long enough not to match ordinary data by chance.
 */
export function secretsFor(creds: Credentials, text: boolean): Buffer[] {
  return secretStrings(creds, text)
    .map((s) => Buffer.from(s))
    .filter((b) => text || b.length >= MIN_BINARY_SECRET_BYTES);
}

/** Overwrite every occurrence of every secret in `buf`, in place. */
function maskInPlace(buf: Buffer, secrets: readonly Buffer[]): void {
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
    const keep = this.keep;
    if (chunk.length < 2 * keep) {
      // Small chunk: simply join it to the held-back bytes.
      const joined = Buffer.concat([this.carry, chunk]);
      maskInPlace(joined, this.secrets);
      const release = Math.max(0, joined.length - keep);
      this.carry = Buffer.from(joined.subarray(release));
      done(null, release > 0 ? joined.subarray(0, release) : undefined);
      return;
    }
    // Big chunk: no copy of it. A match starting in the held-back bytes ends within the first
    // `keep` bytes of the chunk, so masking that small seam, then the chunk itself, finds all.
    if (this.carry.length > 0) {
      const seam = Buffer.concat([this.carry, chunk.subarray(0, keep)]);
      maskInPlace(seam, this.secrets);
      seam.copy(chunk, 0, this.carry.length);
      this.push(seam.subarray(0, this.carry.length));
    }
    maskInPlace(chunk, this.secrets);
    this.carry = Buffer.from(chunk.subarray(chunk.length - keep));
    done(null, chunk.subarray(0, chunk.length - keep));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.carry.length > 0 ? this.carry : undefined);
  }
}

/** A whole body at once (the cache's buffered answers): every secret overwritten in place. */
export function redactBufferInPlace(buf: Buffer, creds: Credentials, text: boolean): void {
  maskInPlace(buf, secretsFor(creds, text));
}
