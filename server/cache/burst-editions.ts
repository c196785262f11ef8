/**
 * Edition times asked once per burst of display requests, not once per request: a cold scene of
 * 1,000 neurons came as ~51 display requests of ~20 ids, and each asked CATMAID's
 * `skeletons/summary` for its own ids (51 aggregate queries, each a round trip on the way of its
 * request). The browser names a burst (one view's loads: burst-fields.ts) and the burst's other
 * skeletons (`ahead`); the first request asks for them too, the others find their ids asked.
 *
 * Scoped to a burst, so freshness across views is never weakened: a reload or a new view is a new
 * burst and asks anew (e2e/stale-skeleton.spec.ts edits a skeleton and reloads at once). Within a
 * burst an answer is used for at most BURST_MEMO_MS, the browser's own rule (edition-memo.ts),
 * and an edition asked before a fetch stays the safe order for storing (serve-display.ts). A
 * failed ask is forgotten, so the next request asks again. The ask runs on its own: a request
 * whose browser left stops waiting, the others still get the answer.
 */
import { createHash } from 'node:crypto';
import { untilAborted } from '../../src/lib/http/id-batcher.ts';
import type { EditionTimes } from './summary-check.ts';

/** How long an answer may serve the requests of its burst (the browser's EDITION_MEMO_MS). */
export const BURST_MEMO_MS = 10_000;
/** Skeletons per summary at most when filling up with `ahead` (a request's own always go). */
export const MAX_BURST_ASK = 2000;
/** Bursts remembered at once; the oldest is forgotten first. */
const MAX_BURSTS = 256;
/** Skeleton ids remembered over all bursts: a bound on memory whatever the browsers send. */
const MAX_IDS_HELD = 200_000;

/** One `skeletons/summary`: never rejects, a failure is its Error (as fetchEditionTimes). */
export type AskEditions = (
  ids: readonly number[],
  signal: AbortSignal,
) => Promise<EditionTimes | Error>;

export interface BurstScope {
  /** CATMAID's base URL. */
  url: string;
  /** The credential the summary is asked with: bursts of two users never share answers. */
  token: string | undefined;
  projectId: number;
  burst: string;
}

export interface BurstAnswer {
  /** Every asked id's time; an id absent was absent from CATMAID's answer (gone). */
  editions: EditionTimes | Error;
  /** Skeletons this request's own summary asked for; 0 when the burst's asks covered it. */
  asked: number;
}

export interface BurstEditions {
  editions(
    scope: BurstScope,
    ids: readonly number[],
    ahead: readonly number[],
    ask: AskEditions,
    signal: AbortSignal,
  ): Promise<BurstAnswer>;
}

interface Ask {
  at: number;
  answer: Promise<EditionTimes | Error>;
}

interface Burst {
  byId: Map<number, Ask>;
  lastAskAt: number;
}

/** The memo's key; the token only as a hash, so the memo never holds a credential. */
function keyOf({ url, token, projectId, burst }: BurstScope): string {
  const who = createHash('sha256')
    .update(JSON.stringify([url, token ?? null]))
    .digest('hex');
  return `${who}|${projectId}|${burst}`;
}

/** `limits`: what the memo holds at most (smaller in tests). */
export function createBurstEditions(
  now: () => number,
  limits = { bursts: MAX_BURSTS, ids: MAX_IDS_HELD },
): BurstEditions {
  const ttlMs = BURST_MEMO_MS;
  // In order of last ask (re-inserted on each): the oldest first, to prune and evict.
  const bursts = new Map<string, Burst>();
  const prune = (t: number) => {
    for (const [key, b] of bursts) if (t - b.lastAskAt >= ttlMs) bursts.delete(key);
  };
  const held = () => [...bursts.values()].reduce((n, b) => n + b.byId.size, 0);

  const send = (key: string, burst: Burst, ids: number[], ask: AskEditions, t: number) => {
    // Its own controller: a waiting request that ends must not end the others' answer.
    const answer = ask(ids, new AbortController().signal).catch((e: unknown) =>
      e instanceof Error ? e : new Error(String(e)),
    );
    const entry: Ask = { at: t, answer };
    if (burst.byId.size + ids.length > limits.ids) burst.byId.clear();
    for (const id of ids) burst.byId.set(id, entry);
    burst.lastAskAt = t;
    bursts.delete(key);
    bursts.set(key, burst);
    // Oldest first, with the ids held counted once and not again for each burst dropped.
    let total = held();
    for (const [old, b] of bursts) {
      if (old === key || (bursts.size <= limits.bursts && total <= limits.ids)) break;
      total -= b.byId.size;
      bursts.delete(old);
    }
    void answer.then((got) => {
      if (!(got instanceof Error)) return;
      for (const id of ids) if (burst.byId.get(id) === entry) burst.byId.delete(id);
    });
    return answer;
  };

  return {
    editions: async (scope, ids, ahead, ask, signal) => {
      const t = now();
      prune(t);
      const key = keyOf(scope);
      const burst = bursts.get(key) ?? { byId: new Map<number, Ask>(), lastAskAt: t };
      const current = (id: number) => {
        const a = burst.byId.get(id);
        return a && t - a.at < ttlMs ? a : undefined;
      };
      // Answered, or being asked, by an earlier request of the burst: waited for, not asked.
      const answers = new Map<number, Promise<EditionTimes | Error>>();
      const wanted = new Set<number>();
      for (const id of ids) {
        const a = current(id);
        if (a) answers.set(id, a.answer);
        else wanted.add(id);
      }
      let asked = 0;
      if (wanted.size > 0) {
        for (const id of ahead) {
          if (wanted.size >= MAX_BURST_ASK) break;
          if (!current(id)) wanted.add(id);
        }
        asked = wanted.size;
        const answer = send(key, burst, [...wanted], ask, t);
        for (const id of ids) if (!answers.has(id)) answers.set(id, answer);
      }
      const distinct = [...new Set(answers.values())];
      let maps: (EditionTimes | Error)[];
      try {
        // A request whose browser left stops waiting; the ask goes on for the others.
        maps = await untilAborted(Promise.all(distinct), signal);
      } catch (e) {
        return { editions: e instanceof Error ? e : new Error('the request was aborted'), asked };
      }
      const failed = maps.find((m) => m instanceof Error);
      if (failed instanceof Error) return { editions: failed, asked };
      const editions: EditionTimes = new Map();
      for (const [id, answer] of answers) {
        const got = maps[distinct.indexOf(answer)];
        // Absent from its answer: deleted or merged in CATMAID (gone here too).
        if (got instanceof Map && got.has(id)) editions.set(id, got.get(id) ?? null);
      }
      return { editions, asked };
    },
  };
}
