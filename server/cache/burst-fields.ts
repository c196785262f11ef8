/**
 * The display route's two fields beyond compact-detail's: `burst` (the browser's id for one
 * view's loads, src/workers/skeleton-pool.ts) and `ahead` (that burst's other skeletons, comma
 * separated). Taken out of the form before the cache's parser reads it (request-variant.ts
 * refuses unknown fields, as it must for compact-detail), and checked here: a malformed one is
 * refused, never guessed at. A form without them is passed on exactly as it came.
 */
import { MAX_DISPLAY_AHEAD } from '../../src/workers/display-fetch.ts';

export interface BurstHint {
  id: string;
  ahead: number[];
}

export type BurstFields =
  { body: Buffer; hint: BurstHint | undefined } | { error: string; hint?: undefined };

const BURST_ID = /^[A-Za-z0-9-]{1,64}$/;
const AHEAD = /^(?:\d{1,15}(?:,\d{1,15})*)?$/;

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
  if (ids.length > MAX_DISPLAY_AHEAD)
    return { error: `ahead names at most ${MAX_DISPLAY_AHEAD} skeletons.` };
  form.delete('burst');
  form.delete('ahead');
  return { body: Buffer.from(form.toString()), hint: { id, ahead: ids } };
}
