/**
 * Answers a compact-detail request (single GET or batch POST) through the cache:
 * 1. ONE `skeletons/summary` POST for all of them (summary-check.ts), or for a request of a
 *    burst the burst's summary of at most BURST_MEMO_MS ago (burst-editions.ts), asked before
 *    any data is fetched, so an edit racing the fetch leaves an entry older than its data
 *    (refetched next time), never the reverse;
 * 2. a skeleton missing from the summary (deleted, merged): evict it and forward the request as
 *    it came, so the browser gets CATMAID's own 404 and reports it;
 * 3. read the entries of every requested skeleton, in this request's variant and in the fuller
 *    one that holds it (narrower-answer.ts: nodes only is part of connectors and tags), either
 *    of which answers it when fresh; wait for other requests fetching the others;
 * 4. no fresh entry: forward the request as it came (streamed, every proxy behaviour intact) and
 *    keep a copy of the answer; else fetch the misses and the edited ones in ONE upstream request
 *    and assemble the answer CATMAID would have sent from the cached and the fresh bytes.
 * Anything unexpected on the way (summary or store failing, an odd answer) falls back to
 * forwarding the request unchanged: the cache can only ever make an answer faster, not different.
 * "As it came" is less the browser's burst hint, which the proxy takes out first (burst-fields.ts).
 */
import type { ServerResponse } from 'node:http';
import type { UpstreamSettings } from '../proxy/env.ts';
import type { CaptureOptions } from '../proxy/forward.ts';
import { redactBufferInPlace } from '../proxy/redact.ts';
import { joinAnswer, splitAnswer } from './answer-bytes.ts';
import { decompress } from './compression.ts';
import { cacheKey, keepInBackground, storeValues } from './entry-writes.ts';
import type { CachedRequest } from './request-variant.ts';
import type { SkeletonCache } from './skeleton-cache.ts';
import type { CacheEntry } from './store.ts';
import type { BurstHint } from './burst-fields.ts';
import { requestEditions } from './request-editions.ts';
import type { EditionTimes } from './summary-check.ts';
import { fullerVariant, narrowValue } from './narrower-answer.ts';
import { fetchUpstream } from './upstream-fetch.ts';

/**
 * A forwarded answer longer than this is passed on but not kept: holding it whole in memory to
 * split it would cost more than it saves (a batch of 50 real neurons is about 25 MB).
 */
const MAX_CAPTURE_BYTES = 256 * 1024 * 1024;

/** Rounds of waiting for other requests' fetches before a request fetches for itself. */
const MAX_WAIT_ROUNDS = 8;

export interface CachedCall {
  settings: UpstreamSettings;
  token: string | undefined;
  res: ServerResponse;
  /** The request line for the log, e.g. `POST /1/skeletons/compact-detail`. */
  label: string;
  /**
   * Forward the browser's request as it came, optionally keeping a copy of the answer (in one
   * of the lab's CATMAID slots, proxy/upstream-gate.ts).
   */
  forwardAsIs: (capture?: CaptureOptions) => void;
  /** Runs a request to CATMAID in one of the lab's slots (proxy/upstream-gate.ts). */
  upstream: <T>(work: () => Promise<T>) => Promise<T>;
  /** The browser's burst: its edition times are asked once for all its requests. */
  burst?: BurstHint | undefined;
}

interface Tally {
  hits: number;
  /** Of the hits: answered from a fuller variant's entry (narrower-answer.ts). */
  fromFuller: number;
  misses: number;
  stale: number;
  gone: number;
  /** Where the edition times came from (request-editions.ts); empty when none were asked. */
  editions: string;
  note: string;
}

function logLine(cache: SkeletonCache, call: CachedCall, r: CachedRequest, t: Tally, t0: number) {
  const ms = Math.round(performance.now() - t0);
  cache.log(
    `[cache] ${call.label} (${r.variant}) ${r.skeletonIds.length} skeletons: ` +
      `hits ${t.hits}${t.fromFuller > 0 ? ` (${t.fromFuller} from fuller entries)` : ''}, misses ${t.misses}, stale ${t.stale}, gone ${t.gone}, ${ms} ms${t.editions}${t.note}`,
  );
}

export async function serveCached(
  cache: SkeletonCache,
  r: CachedRequest,
  call: CachedCall,
): Promise<void> {
  const t0 = performance.now();
  const store = cache.store;
  const tally: Tally = {
    hits: 0,
    fromFuller: 0,
    misses: 0,
    stale: 0,
    gone: 0,
    editions: '',
    note: '',
  };
  const done = (note = '') => {
    tally.note = note;
    cache.counters.hits += tally.hits;
    cache.counters.misses += tally.misses;
    cache.counters.stale += tally.stale;
    cache.counters.gone += tally.gone;
    logLine(cache, call, r, tally, t0);
  };
  const bypass = (why: string) => {
    tally.hits = 0; // whatever was cached, this answer came from CATMAID
    tally.fromFuller = 0;
    call.forwardAsIs();
    done(`, passed through (${why})`);
  };
  if (!store) return bypass('no cache');
  const keys = r.skeletonIds.map((id) => cacheKey(call.settings, r, id));
  // The entries of a variant that holds this one (the geometry-first request's nodes are in the
  // full entry): read, waited for and used alongside this variant's own.
  const fuller = fullerVariant(r.variant);
  const fullerKeys = fuller
    ? r.skeletonIds.map((id) => cacheKey(call.settings, { ...r, variant: fuller }, id))
    : [];
  /** This variant's key and the fuller one's, for skeleton `i`. */
  const keysOf = (i: number) => [keys[i] ?? '', ...(fuller ? [fullerKeys[i] ?? ''] : [])];
  const aborter = new AbortController();
  call.res.on('close', () => aborter.abort());

  const { editions, note } = await requestEditions(
    cache,
    call.settings,
    call.token,
    r.projectId,
    r.skeletonIds,
    call.burst,
    aborter.signal,
  );
  if (call.res.destroyed) return;
  tally.editions = `, ${note}`;
  if (editions instanceof Error) return bypass(`no freshness check: ${editions.message}`);

  const gone = r.skeletonIds.filter((id) => !editions.has(id));
  if (gone.length > 0) {
    tally.gone = gone.length;
    await store.deleteMany(gone.map((id) => cacheKey(call.settings, r, id))).catch(() => undefined);
    return bypass('deleted or merged skeletons');
  }

  const entries = new Map<string, CacheEntry>();
  /** The fresh entry that answers skeleton `i` (its own, else the fuller variant's). */
  const freshEntry = (i: number): { entry: CacheEntry; narrow: boolean } | undefined => {
    const edition = editions.get(r.skeletonIds[i] ?? -1);
    if (!edition) return undefined;
    const own = entries.get(keys[i] ?? '');
    if (own?.edition === edition) return { entry: own, narrow: false };
    const full = fuller ? entries.get(fullerKeys[i] ?? '') : undefined;
    return full?.edition === edition ? { entry: full, narrow: true } : undefined;
  };
  // The store is read after the freshness check, not while it is asked: another request can
  // fetch and store these skeletons meanwhile (its summary answered first), and a read from
  // before would miss its entries and fetch them again.
  // Another request already fetching some of these: wait for its copy instead of asking again.
  // Reading, checking and waiting repeat until none of what is still missing is being fetched,
  // so the claim below follows the last check with no turn between them: of several requests
  // that waited for the same fetch, exactly one claims (and asks CATMAID for) each skeleton
  // still missing, and the others wait for it in their next round.
  let toRead = [...keys, ...fullerKeys];
  for (let round = 0; ; round++) {
    // A fetch ending during the read leaves nothing to wait for, yet its entries may have been
    // written after the read: then read once more.
    const fetchingBeforeRead = cache.inFlight.anyOf(toRead);
    try {
      for (const [key, entry] of await store.getMany(toRead)) entries.set(key, entry);
    } catch (e) {
      return bypass(`store failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (call.res.destroyed) return;
    const notFresh = keys.flatMap((_, i) => (freshEntry(i) ? [] : keysOf(i)));
    // Checked here, not by what `waitFor` returns: resuming after it takes a turn, in which
    // another request could pass the same check. The last round fetches whatever is missing
    // (a fetch that keeps failing for its claimant must not hold the others in a loop).
    if (!fetchingBeforeRead && !cache.inFlight.anyOf(notFresh)) break;
    if (round === MAX_WAIT_ROUNDS) break;
    // Kept answers waiting to be written are written now: this request waits for them.
    const stopHurrying = cache.writes.hurry(notFresh);
    await cache.inFlight.waitFor(notFresh, aborter.signal);
    stopHurrying();
    if (call.res.destroyed) return;
    toRead = notFresh;
  }

  const fresh = new Map<number, CacheEntry>();
  const narrowed = new Set<number>();
  const toFetch: number[] = [];
  r.skeletonIds.forEach((id, i) => {
    const found = freshEntry(i);
    if (found) {
      fresh.set(id, found.entry);
      if (found.narrow) narrowed.add(id);
    } else {
      toFetch.push(id);
      if (entries.has(keys[i] ?? '')) tally.stale++;
      else tally.misses++;
    }
  });
  tally.hits = fresh.size;
  tally.fromFuller = narrowed.size;
  const fetchKeys = toFetch.map((id) => cacheKey(call.settings, r, id));
  const release = cache.inFlight.claim(fetchKeys);
  // Answering from here on (not while waiting above: a write this request waits for must run).
  const answered = cache.writes.answering();

  if (fresh.size === 0) {
    let storing = false;
    call.forwardAsIs({
      maxBytes: Math.min(MAX_CAPTURE_BYTES, cache.maxBytes),
      done: (answer) => {
        const values = answer.status === 200 ? splitAnswer(r, answer.body) : null;
        if (!values) return;
        storing = true;
        keepInBackground(
          cache,
          deferStore(cache, call, r, fetchKeys, values, editions, answer.contentType),
          release,
        );
      },
    });
    call.res.once('close', () => {
      answered();
      if (!storing) release();
      done();
    });
    return;
  }
  try {
    await serveMixed(cache, r, call, {
      fresh,
      narrowed,
      toFetch,
      editions,
      signal: aborter.signal,
      done,
      bypass,
      release,
    });
  } finally {
    answered();
    if (call.res.destroyed || !call.res.writableEnded) release();
  }
}

/** Stores a forwarded answer's skeletons once the server is not answering (write-behind.ts). */
function deferStore(
  cache: SkeletonCache,
  call: CachedCall,
  r: CachedRequest,
  keys: readonly string[],
  values: Map<number, Buffer>,
  editions: EditionTimes,
  contentType: string,
): Promise<void> {
  let bytes = 0;
  for (const v of values.values()) bytes += v.length;
  const write = () => storeValues(cache, call.settings, r, values, editions, contentType);
  return cache.writes.defer(keys, bytes, write);
}

interface MixedParts {
  fresh: Map<number, CacheEntry>;
  /** Of `fresh`: entries of the fuller variant, narrowed to this one's slots. */
  narrowed: ReadonlySet<number>;
  toFetch: number[];
  editions: EditionTimes;
  signal: AbortSignal;
  done: () => void;
  bypass: (why: string) => void;
  release: () => void;
}

/** Some skeletons cached and fresh: fetch the rest in one request, answer with all of them. */
async function serveMixed(
  cache: SkeletonCache,
  r: CachedRequest,
  call: CachedCall,
  { fresh, narrowed, toFetch, editions, signal, done, bypass, release }: MixedParts,
): Promise<void> {
  let fetched = new Map<number, Buffer>();
  let contentType = fresh.values().next().value?.contentType ?? 'application/json';
  if (toFetch.length > 0) {
    const form = new URLSearchParams();
    toFetch.forEach((id, i) => form.append(`skeleton_ids[${i}]`, String(id)));
    for (const [k, v] of r.flagParams) form.append(k, v);
    const path = `/${r.projectId}/skeletons/compact-detail`;
    const fetching = () => fetchUpstream(call.settings, call.token, path, form, signal);
    const answer = await call
      .upstream(fetching)
      .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    if (call.res.destroyed) return;
    if (answer instanceof Error) return bypass(`fetching the misses failed: ${answer.message}`);
    if (answer.status !== 200) return bypass(`fetching the misses answered ${answer.status}`);
    redactBufferInPlace(answer.body, credentialsOf(call), r.format === 'json');
    const values = splitAnswer({ ...r, kind: 'batch' }, answer.body);
    if (!values || toFetch.some((id) => !values.has(id)))
      return bypass('the answer for the misses had an unexpected shape');
    fetched = values;
    contentType = answer.contentType || contentType;
  }

  let assembled: Map<number, Buffer>;
  try {
    const unpacked = await Promise.all(
      [...fresh].map(async ([id, e]) => {
        const value = await decompress(e.body);
        if (!narrowed.has(id)) return [id, value] as const;
        const narrow = narrowValue(value, r.variant);
        if (!narrow) throw new Error(`skeleton ${id}: not a compact-detail value`);
        return [id, narrow] as const;
      }),
    );
    const byId = new Map<number, Buffer>([...unpacked, ...fetched]);
    assembled = new Map(r.skeletonIds.map((id) => [id, byId.get(id) ?? Buffer.alloc(0)]));
  } catch (e) {
    return bypass(
      `a cached entry could not be read: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (call.res.destroyed) return;
  const parts = joinAnswer(r, assembled);
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  call.res.writeHead(200, { 'content-type': contentType, 'content-length': length });
  // Corked: the parts leave in one writev, not one syscall each.
  call.res.cork();
  for (const p of parts) call.res.write(p);
  call.res.end();
  done();
  if (fetched.size === 0) release();
  else {
    const keys = [...fetched.keys()].map((id) => cacheKey(call.settings, r, id));
    keepInBackground(
      cache,
      deferStore(cache, call, r, keys, fetched, editions, contentType),
      release,
    );
  }
}

function credentialsOf(call: CachedCall) {
  return {
    tokens: [call.settings.token, call.token],
    basicUser: call.settings.basicUser,
    basicPassword: call.settings.basicPassword,
  };
}
