/**
 * Entries are stored brotli-compressed: compact-detail shrinks 3-6× (repeated row structure,
 * creator ids, confidences), and a low quality keeps compressing a 100 MB batch well under
 * CATMAID's time to produce it. Both directions run on libuv's thread pool, off the event loop.
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';

const compressAsync = promisify(brotliCompress);
const decompressAsync = promisify(brotliDecompress);
const QUALITY = 4;

export function compress(data: Buffer): Promise<Buffer> {
  return compressAsync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export function decompress(data: Buffer): Promise<Buffer> {
  return decompressAsync(data);
}
