/**
 * The browser's burst hint (src/workers/burst-params.ts), sent with the display route's requests
 * and with compact-detail batches: `burst` (the browser's id for one view's loads) and `ahead`
 * (that burst's other skeletons, comma separated). Taken out of the form before anything else
 * reads it: the cache's parser (request-variant.ts refuses unknown fields, as it must for
 * compact-detail) and CATMAID, which never receives them. Checked here: a malformed one is
 * refused, never guessed at. A form without them is passed on exactly as it came.
 */
import { ROUTES, routePattern } from '../../src/api/endpoint-list.ts';
import { MAX_BURST_AHEAD } from '../../src/workers/burst-params.ts';

export interface BurstHint {
  id: string;
  ahead: number[];
}

export type BurstFields =
  { body: Buffer; hint: BurstHint | undefined } | { error: string; hint?: undefined };

const BURST_ID = /^[A-Za-z0-9-]{1,64}$/;
const AHEAD = /^(?:\d{1,15}(?:,\d{1,15})*)?$/;
/** Every path the proxy forwards as a compact-detail batch (the allowlist's own pattern). */
const COMPACT_DETAIL_BATCH = new RegExp(routePattern(ROUTES.compactDetailBatch.path));

export function takeBurstFields(body: Buffer, contentType: string | undefined): BurstFields {
  // Not a form: the cache's parser refuses it as it is.
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? ''))
    return { body, hint: undefined };
  const form = new URLSearchParams(body.toString('utf8'));
  const bursts = form.getAll('burst');
  const aheads = form.getAll('ahead');
  if (bursts.length === 0 && aheads.length === 0) return { body, hint: undefined };
  const [id] = bursts;
  const [ahead = ''] = aheads;
  if (bursts.length > 1 || id === undefined || !BURST_ID.test(id))
    return { error: 'burst must be sent once, as 1 to 64 letters, digits or dashes.' };
  if (aheads.length > 1 || !AHEAD.test(ahead))
    return { error: 'ahead must be sent at most once, as skeleton ids separated by commas.' };
  const ids = ahead === '' ? [] : ahead.split(',').map(Number);
  if (ids.length > MAX_BURST_AHEAD)
    return { error: `ahead names at most ${MAX_BURST_AHEAD} skeletons.` };
  // Re-encoded from the parsed form, so what is taken out is exactly what was checked (the
  // cache's own upstream requests are encoded the same way: serve-cached.ts).
  form.delete('burst');
  form.delete('ahead');
  return { body: Buffer.from(form.toString()), hint: { id, ahead: ids } };
}

/**
 * takeBurstFields for a request the proxy forwards: a compact-detail batch POST gives up its
 * hint whether or not the cache answers it (CACHE=off, an uncacheable form), so CATMAID never
 * receives the two fields. Any other request is left as it came: its body is CATMAID's alone.
 */
export function takeProxiedBurst(
  method: string,
  path: string,
  body: Buffer,
  contentType: string | undefined,
): BurstFields {
  if (method !== 'POST' || !COMPACT_DETAIL_BATCH.test(path)) return { body, hint: undefined };
  return takeBurstFields(body, contentType);
}
