/**
 * Entries are stored LZ4-compressed. What matters is the dashboard server's CPU: it keeps every
 * cold answer and unpacks every cached one it serves, while the browsers on the other end wait.
 * Measured on 300 lab-scale entries (107 MB of compact-detail msgpack) on the bench machine:
 *
 * | codec       | size  | compress | decompress |
 * |-------------|-------|----------|------------|
 * | gzip lvl 1  | 1/2.9 | 150 MB/s | 380 MB/s   |
 * | LZ4 (block) | 1/2.0 | 300 MB/s | 1.5 GB/s   |
 *
 * so a warm 1,000-neuron scene (500 MB) costs 0.3 s of unpacking instead of 1.3 s, and keeping
 * a cold one 1.7 s instead of 3.4 s, for entries 1.45× bigger on disk or in Redis (the byte
 * bound, CACHE_MAX_MB, counts them as stored). Brotli (quality 4, 40 MB/s) was dropped earlier
 * for the same reason.
 *
 * An LZ4 entry starts with MAGIC, then lz4-napi's block (uncompressed size, then the data).
 * Entries written by older versions are still read: gzip is recognised by its magic bytes and
 * anything else is brotli, which has none.
 */
import { compressSync, uncompressSync } from 'lz4-napi';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);
const brotliDecompressAsync = promisify(brotliDecompress);
const MAGIC = Buffer.from('LZ4B');

/**
 * Synchronous on purpose: an entry is a few hundred kB, packed in well under a millisecond, and
 * a hop through libuv's thread pool costs more than that on a two-core server.
 */
export function compress(data: Buffer): Promise<Buffer> {
  return Promise.resolve(Buffer.concat([MAGIC, compressSync(data)]));
}

function startsWith(data: Buffer, magic: Buffer): boolean {
  return data.length >= magic.length && data.subarray(0, magic.length).equals(magic);
}

export function decompress(data: Buffer): Promise<Buffer> {
  if (startsWith(data, MAGIC)) {
    try {
      return Promise.resolve(uncompressSync(data.subarray(MAGIC.length)));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) return gunzipAsync(data);
  return brotliDecompressAsync(data);
}
