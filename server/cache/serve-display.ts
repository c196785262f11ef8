/**
 * `POST /api/display/{pid}/skeletons`: the display form of every requested skeleton that exists
 * (src/3d/geometry/display-piece.ts), as one `packDisplayBatch` answer, so a huge scene is
 * complete on screen from about a tenth of the compact-detail bytes (issue 14). Per skeleton:
 * 1. a display entry as fresh as ONE `skeletons/summary` for all ids says (or, for a request of a
 *    burst, the burst's summary of at most BURST_MEMO_MS ago: burst-editions.ts) → its bytes;
 * 2. else a fresh full compact-detail entry of the same variant → derived from it;
 * 3. else fetched from CATMAID in ONE compact-detail batch for all the rest, stored as the full
 *    entry serve-cached.ts would have stored (the browser's later full load is a hit), derived.
 * Ids absent from the summary (deleted, merged) are left out of the table: the browser loads
 * them the ordinary way and reports CATMAID's 404. An upstream failure is a JSON error with a
 * matching status, and the browser falls back to the ordinary path. Deriving yields between
 * skeletons so a cold lab scene (seconds of CPU) never holds up the server's other requests.
 */
import type { ServerResponse } from 'node:http';
import { DISPLAY_CONTENT_TYPE } from '../../src/3d/geometry/display-pack.ts';
import type { UpstreamSettings } from '../proxy/env.ts';
import { sendJsonError } from '../proxy/json-error.ts';
import { compress, decompress } from './compression.ts';
import { writeDisplayAnswer } from './display-answer.ts';
import { fetchCompactDetail } from './display-fetch.ts';
import { deriveDisplay, displayKey, usablePack } from './display-derive.ts';
import { cacheKey, keepInBackground } from './entry-writes.ts';
import type { CachedRequest } from './request-variant.ts';
import type { SkeletonCache } from './skeleton-cache.ts';
import type { CacheEntry } from './store.ts';
import type { BurstHint } from './burst-fields.ts';
import { requestEditions } from './request-editions.ts';
import { SummaryAnswerError, type EditionTimes } from './summary-check.ts';
import { failedAnswer, unreachable, type UpstreamFailure } from './upstream-failure.ts';

export interface DisplayCall {
  settings: UpstreamSettings;
  token: string | undefined;
  res: ServerResponse;
  /** The request line for the log, e.g. `POST /api/display/1/skeletons`. */
  label: string;
  /** Runs a request to CATMAID in one of the lab's slots (proxy/upstream-gate.ts). */
  upstream: <T>(work: () => Promise<T>) => Promise<T>;
  /** The browser's burst: its edition times are asked once for all its requests. */
  burst?: BurstHint | undefined;
}

interface Tally {
  /** Served from a display entry. */
  hits: number;
  /** Derived from a full compact-detail entry. */
  fromFull: number;
  misses: number;
  stale: number;
  gone: number;
  /** Data the app's decoder refused: left out, the browser loads them the ordinary way. */
  unreadable: number;
}

/** What the store holds for some skeletons, split by what it takes to answer them. */
interface Lookup {
  packs: Map<number, Buffer>;
  fulls: Map<number, CacheEntry>;
  toFetch: number[];
  /** Of toFetch: those with an entry that an edit made stale. */
  stale: Set<number>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function serveDisplay(
  cache: SkeletonCache,
  r: CachedRequest,
  call: DisplayCall,
): Promise<void> {
  const t0 = performance.now();
  const { settings, token, res } = call;
  const store = cache.store;
  const tally: Tally = { hits: 0, fromFull: 0, misses: 0, stale: 0, gone: 0, unreadable: 0 };
  const notes: string[] = [];
  /** Where the edition times came from (request-editions.ts). */
  let editionsFrom = '';
  const done = () => {
    cache.counters.hits += tally.hits + tally.fromFull;
    cache.counters.misses += tally.misses;
    cache.counters.stale += tally.stale;
    cache.counters.gone += tally.gone;
    const ms = Math.round(performance.now() - t0);
    cache.log(
      `[cache] ${call.label} (display ${r.variant}) ${r.skeletonIds.length} skeletons: ` +
        `hits ${tally.hits + tally.fromFull} (${tally.fromFull} derived from full entries), ` +
        `misses ${tally.misses}, stale ${tally.stale}, gone ${tally.gone}, ${ms} ms` +
        editionsFrom +
        (tally.unreadable > 0 ? `, ${tally.unreadable} unreadable` : '') +
        notes.map((n) => `, ${n}`).join(''),
    );
  };
  const fail = (f: UpstreamFailure) => {
    if (!res.destroyed && !res.headersSent) sendJsonError(res, f.status, f.body);
    notes.push(`failed: ${f.status} ${f.body.type}`);
    done();
  };
  const dKey = (id: number) => displayKey(settings, r, id);
  const fKey = (id: number) => cacheKey(settings, r, id);
  const read = async (keys: string[]): Promise<Map<string, CacheEntry>> => {
    if (!store || keys.length === 0) return new Map();
    try {
      return await store.getMany(keys);
    } catch (e) {
      notes.push(`store failed: ${e instanceof Error ? e.message : String(e)}`);
      return new Map();
    }
  };
  const aborter = new AbortController();
  res.on('close', () => aborter.abort());

  const fetchingAtStart = cache.inFlight.anyOf(r.skeletonIds.flatMap((id) => [fKey(id), dKey(id)]));
  const [asked, displays] = await Promise.all([
    requestEditions(cache, settings, token, r.projectId, r.skeletonIds, call.burst, aborter.signal),
    read(r.skeletonIds.map(dKey)),
  ]);
  if (res.destroyed) return;
  const { editions } = asked;
  editionsFrom = `, ${asked.note}`;
  if (editions instanceof SummaryAnswerError)
    return fail(failedAnswer(settings, token, 'skeletons/summary', editions.answer));
  if (editions instanceof Error) return fail(unreachable(settings, token, editions));

  const present = r.skeletonIds.filter((id) => editions.has(id));
  const gone = r.skeletonIds.filter((id) => !editions.has(id));
  tally.gone = gone.length;
  if (store && gone.length > 0) {
    const keys = gone.flatMap((id) => [fKey(id), dKey(id)]);
    keepInBackground(cache, store.deleteMany(keys), () => undefined);
  }

  const lookUp = async (ids: number[], shown: Map<string, CacheEntry>): Promise<Lookup> => {
    const out: Lookup = { packs: new Map(), fulls: new Map(), toFetch: [], stale: new Set() };
    const rest: number[] = [];
    for (const id of ids) {
      const e = shown.get(dKey(id));
      const pack = e && isFresh(editions, id, e) ? usablePack(e, id) : undefined;
      if (pack) out.packs.set(id, pack);
      else rest.push(id);
      if (e && !pack) out.stale.add(id);
    }
    const fulls = await read(rest.map(fKey));
    for (const id of rest) {
      const e = fulls.get(fKey(id));
      if (e && isFresh(editions, id, e)) out.fulls.set(id, e);
      else out.toFetch.push(id);
      if (e) out.stale.add(id);
    }
    return out;
  };
  // The display entries were read alongside the summary, to save a wait when all are hits. Those
  // not there fresh are read again: a colleague's request may have stored them meanwhile, and
  // deriving them anew from the full entries would repeat its work.
  const unseen = present.filter((id) => {
    const e = displays.get(dKey(id));
    return !e || !isFresh(editions, id, e);
  });
  const shown =
    unseen.length > 0 ? new Map([...displays, ...(await read(unseen.map(dKey)))]) : displays;
  if (res.destroyed) return;
  let found = await lookUp(present, shown);
  if (res.destroyed) return;
  // Another request already fetching some of these: wait for its entries instead of asking
  // again. Checked and claimed in one synchronous step, so of two requests racing for the same
  // cold skeletons exactly one asks CATMAID.
  const fullKeys = found.toFetch.map(fKey);
  const displayKeys = found.toFetch.map(dKey);
  const keys = [...fullKeys, ...displayKeys];
  // Kept entries waiting to be written are written now: this request waits for them.
  const stopHurrying = cache.writes.hurry(keys);
  const waiting = cache.inFlight.waitFor(keys, aborter.signal).finally(stopHurrying);
  // Claimed apart: the display entries are written with the answer, the full ones deferred.
  const releaseFull = cache.inFlight.claim(fullKeys);
  const releaseDisplay = cache.inFlight.claim(displayKeys);
  let released = false;
  let answered: (() => void) | undefined;
  try {
    if ((await waiting) || fetchingAtStart) {
      if (res.destroyed) return;
      const again = await lookUp(found.toFetch, await read(found.toFetch.map(dKey)));
      found = {
        packs: new Map([...found.packs, ...again.packs]),
        fulls: new Map([...found.fulls, ...again.fulls]),
        toFetch: again.toFetch,
        stale: new Set([...found.stale, ...again.stale]),
      };
    }
    // Answering from here (not while waiting above: a write this request waits for must run).
    answered = cache.writes.answering();
    tally.hits = found.packs.size;
    tally.fromFull = found.fulls.size;
    for (const id of found.toFetch) {
      if (found.stale.has(id)) tally.stale++;
      else tally.misses++;
    }

    const fetched =
      found.toFetch.length > 0
        ? await call.upstream(() =>
            fetchCompactDetail(settings, token, r, found.toFetch, aborter.signal),
          )
        : { values: new Map<number, Buffer>(), contentType: '' };
    if (res.destroyed) return;
    if (!('values' in fetched)) return fail(fetched);

    const writes = new Map<string, CacheEntry>();
    // Full entries to keep, compressed and written only once the server is not answering
    // (write-behind.ts): the browser waits for the display forms, not for them.
    const fullWrites = new Map<string, FullWrite>();
    const packs = found.packs;
    for (const id of present) {
      if (packs.has(id)) continue;
      const edition = editions.get(id);
      const full = found.fulls.get(id);
      let value = fetched.values.get(id);
      try {
        if (full) value = await decompress(full.body);
        if (!value) continue;
        // Kept exactly as serve-cached.ts keeps it, so the browser's full load is a hit.
        if (!full && edition) fullWrites.set(fKey(id), { edition, value });
        if (res.destroyed) continue; // nobody to answer: keep the data, skip the CPU
        const pack = deriveDisplay(value, r.format, id, edition);
        packs.set(id, pack);
        if (edition)
          writes.set(dKey(id), { edition, contentType: DISPLAY_CONTENT_TYPE, body: pack });
      } catch (e) {
        // The first cause is enough for the log line; the count says how many.
        if (tally.unreadable++ === 0)
          notes.push(`skeleton ${id}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await nextTurn();
    }
    if (res.destroyed) notes.push('the browser left before the answer (entries kept)');
    else writeDisplayAnswer(res, present, packs);
    done();
    answered();
    if (store) {
      // Claims are released once stored: a full load of these skeletons waits, then hits.
      released = true;
      if (writes.size > 0) keepInBackground(cache, store.putMany(writes), releaseDisplay);
      else releaseDisplay();
      if (fullWrites.size > 0) {
        const { contentType } = fetched;
        const write = () => packFullEntries(fullWrites, contentType).then((e) => store.putMany(e));
        const bytes = [...fullWrites.values()].reduce((n, w) => n + w.value.length, 0);
        keepInBackground(
          cache,
          // All the claimed keys: a request waiting for any of them hurries this write.
          cache.writes.defer(fullKeys, bytes, write),
          releaseFull,
        );
      } else releaseFull();
    }
  } finally {
    answered?.();
    if (!released) {
      releaseFull();
      releaseDisplay();
    }
  }
}

interface FullWrite {
  edition: string;
  value: Buffer;
}

/** The full entries, compressed, yielding between them to the server's requests. */
async function packFullEntries(
  fullWrites: Map<string, FullWrite>,
  contentType: string,
): Promise<Map<string, CacheEntry>> {
  const entries = new Map<string, CacheEntry>();
  for (const [key, { edition, value }] of fullWrites) {
    await nextTurn();
    entries.set(key, { edition, contentType, body: await compress(value) });
  }
  return entries;
}

function isFresh(editions: EditionTimes, id: number, entry: CacheEntry): boolean {
  const edition = editions.get(id);
  return Boolean(edition) && entry.edition === edition;
}
