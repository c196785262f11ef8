/**
 * A skeleton's display form (src/3d/geometry/display-piece.ts) derived from its compact-detail
 * value, with the app's own decoders and geometry code so the server's pack is exactly what the
 * browser would have built from the same bytes. Display entries live in the same store as the
 * full answers, under the full entry's key with the variant prefixed (`display1:…`): the pack
 * version is part of the key, so a new pack format never reads an old entry.
 */
import { decodeCompactDetail } from '../../src/api/compact-detail-decode.ts';
import { decodeCompactDetailMsgpack } from '../../src/api/compact-detail-msgpack.ts';
import type { SkeletonDetail } from '../../src/api/skeleton-detail.ts';
import { displayPieceOf } from '../../src/3d/geometry/display-piece.ts';
import {
  DISPLAY_CONTENT_TYPE,
  DISPLAY_PACK_VERSION,
  packDisplay,
  readDisplay,
} from '../../src/3d/geometry/display-pack.ts';
import { buildCoarseParts } from '../../src/3d/geometry/skeleton-piece.ts';
import { parseCatmaidTimeOrNaN } from '../../src/lib/http/timestamps.ts';
import type { UpstreamSettings } from '../proxy/env.ts';
import { cacheKey } from './entry-writes.ts';
import type { CachedRequest } from './request-variant.ts';
import type { CacheEntry } from './store.ts';

const ENDPOINT = 'POST /{pid}/skeletons/compact-detail';

export function displayKey(settings: UpstreamSettings, r: CachedRequest, skeletonId: number) {
  return cacheKey(
    settings,
    { ...r, variant: `display${DISPLAY_PACK_VERSION}:${r.variant}` },
    skeletonId,
  );
}

function decode(value: Buffer, format: 'json' | 'msgpack', skeletonId: number): SkeletonDetail {
  if (format === 'msgpack') return decodeCompactDetailMsgpack(value, skeletonId, ENDPOINT);
  return decodeCompactDetail(JSON.parse(value.toString('utf8')), skeletonId, ENDPOINT);
}

/** Epoch ms of a summary `last_edition_time`, undefined when CATMAID gave none. */
export function editedAtOf(edition: string | null | undefined): number | undefined {
  const ms = parseCatmaidTimeOrNaN(edition);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The pack of one skeleton's compact-detail value (uncompressed, as CATMAID sent it).
 * Throws what the decoder throws for data it cannot read.
 */
export function deriveDisplay(
  value: Buffer,
  format: 'json' | 'msgpack',
  skeletonId: number,
  edition: string | null | undefined,
): Buffer {
  const detail = decode(value, format, skeletonId);
  const pack = packDisplay(displayPieceOf(detail, buildCoarseParts(detail)), editedAtOf(edition));
  return Buffer.from(pack.buffer, pack.byteOffset, pack.byteLength);
}

/**
 * A stored display entry's pack if it reads back whole for this skeleton (the bytes are copied
 * to an aligned buffer to check them), else undefined: the caller derives it again.
 */
export function usablePack(entry: CacheEntry, skeletonId: number): Buffer | undefined {
  if (entry.contentType !== DISPLAY_CONTENT_TYPE || entry.body.length % 8 !== 0) return undefined;
  const copy = new Uint8Array(entry.body);
  const read = readDisplay(copy.buffer);
  return read?.piece.skeletonId === skeletonId ? entry.body : undefined;
}
