import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, decompress } from './compression.ts';

describe('cache entry compression', () => {
  // Rows like compact-detail's: ids counting up, a few users, mostly the same confidence.
  const data = Buffer.from(
    JSON.stringify(Array.from({ length: 2000 }, (_, i) => [1000 + i, 999 + i, i % 3, 5, -1])),
  );

  it('stores LZ4 behind its marker and reads it back unchanged, smaller', async () => {
    const packed = await compress(data);
    expect(packed.subarray(0, 4).toString('latin1')).toBe('LZ4B');
    expect(packed.length).toBeLessThan(data.length / 2);
    expect((await decompress(packed)).equals(data)).toBe(true);
  });

  it('still reads entries older versions stored gzip- or brotli-compressed', async () => {
    expect((await decompress(gzipSync(data, { level: 1 }))).equals(data)).toBe(true);
    expect((await decompress(brotliCompressSync(data))).equals(data)).toBe(true);
  });

  it('rejects a damaged entry instead of answering with wrong bytes', async () => {
    const packed = await compress(data);
    const cut = packed.subarray(0, packed.length - 40);
    await expect(decompress(cut)).rejects.toThrow();
  });
});
