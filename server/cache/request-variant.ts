/**
 * Which requests the cache answers: compact-detail (single GET, batch POST) with the flags the
 * app sends (connectors, tags, reviews, annotations, user info; JSON or msgpack), spelled the way
 * the app spells them (`true`, indexed `skeleton_ids[i]`). History answers, `ordered`, other
 * spellings and unknown parameters go upstream untouched: caching them would gain little and
 * risk answering differently from CATMAID.
 */

const FLAGS = new Map([
  ['with_connectors', 'connectors'],
  ['with_tags', 'tags'],
  ['with_reviews', 'reviews'],
  ['with_annotations', 'annotations'],
  ['with_user_info', 'userinfo'],
]);

const SINGLE = /^\/(\d{1,9})\/skeletons\/(\d{1,15})\/compact-detail$/;
const BATCH = /^\/(\d{1,9})\/skeletons\/compact-detail$/;
const SKELETON_ID_KEY = /^skeleton_ids\[(\d{1,6})\]$/;

export interface CachedRequest {
  kind: 'single' | 'batch';
  projectId: number;
  /** Unique, in request order (CATMAID answers a dict: a repeated id appears once, first place). */
  skeletonIds: number[];
  /** e.g. `connectors+tags|msgpack`: the part of the cache key that names the answer's shape. */
  variant: string;
  format: 'json' | 'msgpack';
  /** The flag and format parameters as sent, to repeat them upstream for the misses. */
  flagParams: [string, string][];
}

function readFlags(pairs: Iterable<[string, string]>, ids: number[] | null) {
  const flags = new Set<string>();
  const flagParams: [string, string][] = [];
  let format: 'json' | 'msgpack' = 'json';
  for (const [key, value] of pairs) {
    const idKey = SKELETON_ID_KEY.exec(key);
    if (idKey && ids) {
      if (!/^\d{1,15}$/.test(value)) return null;
      ids.push(Number(value));
      continue;
    }
    const flag = FLAGS.get(key);
    if (flag && value === 'true' && !flags.has(flag)) {
      flags.add(flag);
    } else if (key === 'format' && (value === 'json' || value === 'msgpack')) {
      format = value;
    } else {
      return null;
    }
    flagParams.push([key, value]);
  }
  const variant = `${[...flags].sort().join('+') || 'nodes'}|${format}`;
  return { variant, format, flagParams };
}

export function cachedRequest(
  method: string,
  path: string,
  search: string,
  body: Buffer | undefined,
  contentType: string | undefined,
): CachedRequest | null {
  if (method === 'GET') {
    const m = SINGLE.exec(path);
    if (!m) return null;
    const read = readFlags(new URLSearchParams(search), null);
    if (!read) return null;
    return { kind: 'single', projectId: Number(m[1]), skeletonIds: [Number(m[2])], ...read };
  }
  const m = BATCH.exec(path);
  if (method !== 'POST' || !m || search !== '' || !body) return null;
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) return null;
  const ids: number[] = [];
  const read = readFlags(new URLSearchParams(body.toString('utf8')), ids);
  if (!read || ids.length === 0) return null;
  return { kind: 'batch', projectId: Number(m[1]), skeletonIds: [...new Set(ids)], ...read };
}
