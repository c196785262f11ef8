/**
 * Edition times (cache-validation.ts) asked once for a whole burst of loads, not once per load.
 * A reload of 1,000 neurons read its copies in a dozen chunks, and each chunk asked
 * `skeletons/summary` for its own ids after its read: a dozen requests, no more than six at once
 * (the browser's connections per host), each wave a round trip on the way to the first frame, and
 * as many aggregate queries for CATMAID. A load now also names the burst's other skeletons
 * (`ahead`, sent by the pool); the first load of a worker asks for all of them, and the loads
 * after it find their ids asked already.
 *
 * Validation stays "before use": an answer is used for at most EDITION_MEMO_MS, and for a copy
 * stored now an edition asked earlier is the safe order (cache-validation.ts). A failed request is
 * forgotten, so the next load asks again.
 */
import { untilAborted } from '../lib/http/id-batcher.ts';
import type { EditionSource, Editions } from './cache-validation.ts';

/** How long an answer may validate copies and stamp new ones. */
export const EDITION_MEMO_MS = 10_000;
/** Skeletons per request at most, the load's own first (skeletons/summary's chunk). */
export const MAX_EDITIONS_ASKED = 2000;

interface Asked {
  at: number;
  answer: Promise<Editions>;
}

export interface EditionMemo {
  /** An edition source for one load; `ahead`: the burst's skeletons likely asked next. */
  source(ahead: readonly number[]): EditionSource;
}

/**
 * `ask` is called without the load's signal: its answer serves other loads too (a load that is
 * cancelled stops waiting for it, and the request ends on its own).
 */
export function createEditionMemo(
  ask: EditionSource,
  now: () => number,
  ttlMs = EDITION_MEMO_MS,
): EditionMemo {
  const asked = new Map<number, Asked>();
  const current = (id: number, t: number) => {
    const a = asked.get(id);
    return a && t - a.at < ttlMs ? a : undefined;
  };
  const prune = (t: number) => {
    if (asked.size < 4 * MAX_EDITIONS_ASKED) return;
    for (const [id, a] of asked) if (t - a.at >= ttlMs) asked.delete(id);
  };
  const send = (ids: number[], t: number) => {
    const answer = ask(ids);
    const entry: Asked = { at: t, answer };
    for (const id of ids) asked.set(id, entry);
    answer.catch(() => {
      for (const id of ids) if (asked.get(id) === entry) asked.delete(id);
    });
  };
  return {
    source: (ahead) => async (ids, signal) => {
      const t = now();
      prune(t);
      const wanted = new Set(ids.filter((id) => !current(id, t)));
      if (wanted.size > 0) {
        for (const id of ahead) {
          if (wanted.size >= MAX_EDITIONS_ASKED) break;
          if (!current(id, t)) wanted.add(id);
        }
        send([...wanted], t);
      }
      const answers = new Map<number, Promise<Editions>>();
      for (const id of ids) {
        const answer = asked.get(id)?.answer;
        if (answer) answers.set(id, answer);
      }
      const distinct = [...new Set(answers.values())];
      const maps = await untilAborted(Promise.all(distinct), signal);
      const out = new Map<number, number | undefined>();
      for (const [id, answer] of answers) {
        const editions = maps[distinct.indexOf(answer)];
        // Absent from its answer: deleted or merged in CATMAID (absent here too).
        if (editions?.has(id)) out.set(id, editions.get(id));
      }
      return out;
    },
  };
}
