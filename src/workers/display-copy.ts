/**
 * The browser's copy of a skeleton's display form (display first, issue 14): the dashboard
 * server's pack (../3d/geometry/display-pack.ts) as received, behind its cache key, so a copy
 * read under another key (a stale or wrong index entry) is a miss, never another skeleton.
 * Layout: u32 key length, the key (UTF-8), zero padding to 8 bytes, the pack.
 */
import { readDisplay, type ReadDisplay } from '../3d/geometry/display-pack.ts';

/** Keys of display copies start with this (skeleton copies: skeleton-protocol.ts). */
export const DISPLAY_KEY_PREFIX = 'display3d:v1|';

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export function wrapDisplayCopy(key: string, pack: Uint8Array): ArrayBuffer {
  const keyBytes = new TextEncoder().encode(key);
  const at = align8(4 + keyBytes.length);
  const out = new Uint8Array(at + pack.length);
  new DataView(out.buffer).setUint32(0, keyBytes.length, true);
  out.set(keyBytes, 4);
  out.set(pack, at);
  return out.buffer;
}

export function unwrapDisplayCopy(buffer: unknown, key: string): ReadDisplay | undefined {
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < 4) return undefined;
  const length = new DataView(buffer).getUint32(0, true);
  const at = align8(4 + length);
  if (at > buffer.byteLength) return undefined;
  try {
    const stored = new TextDecoder('utf-8', { fatal: true }).decode(
      new Uint8Array(buffer, 4, length),
    );
    if (stored !== key) return undefined;
  } catch {
    return undefined;
  }
  return readDisplay(buffer, at);
}
