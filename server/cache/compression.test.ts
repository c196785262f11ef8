import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, decompress } from './compression.ts';

describe('cache entry compression', () => {
  const data = Buffer.from(JSON.stringify(Array.from({ length: 2000 }, (_, i) => [i, i - 1, 3])));

  it('stores gzip and reads it back unchanged, smaller', async () => {
    const packed = await compress(data);
    expect([packed[0], packed[1]]).toEqual([0x1f, 0x8b]);
    expect(packed.length).toBeLessThan(data.length / 2);
    expect((await decompress(packed)).equals(data)).toBe(true);
  });

  it('still reads entries an older version stored brotli-compressed', async () => {
    expect((await decompress(brotliCompressSync(data))).equals(data)).toBe(true);
  });
});
