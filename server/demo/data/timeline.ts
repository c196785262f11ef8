/**
 * Who traced what, when: work sessions (bursts of node creation by one user on a weekday,
 * 240–450 nodes an hour), later edits by other users, confidences, tags, and review passes.
 */
import type { Rng } from './prng.ts';
import { DAY, utcSeconds } from '../time-format.ts';

export const TIME_START = utcSeconds(2025, 1, 6, 8);
export const TIME_END = utcSeconds(2026, 10, 30, 18);
/** Latest day a neuron's tracing may start, so its sessions and reviews fit before TIME_END. */
const LAST_START = utcSeconds(2026, 3, 31, 8);

/** Next weekday morning (08:00–10:00 UTC) at least `minDays` after `t`. */
export function nextSession(rng: Rng, t: number, minDays: number): number {
  let day = Math.floor(t / DAY) + minDays;
  for (;;) {
    const dow = new Date(day * DAY * 1000).getUTCDay();
    if (dow !== 0 && dow !== 6) break;
    day++;
  }
  return day * DAY + 8 * 3600 + rng.int(0, 7200);
}

export function randomStart(rng: Rng): number {
  return nextSession(rng, TIME_START + rng.next() * (LAST_START - TIME_START), 0);
}

export interface NodeTimes {
  creator: Uint8Array;
  editor: Uint8Array;
  created: Uint32Array;
  edited: Uint32Array;
  confidence: Uint8Array;
}

/**
 * Assign creation times and users to nodes `a..b-1` in growth order. Returns the time of the
 * last creation (reviews start after it).
 */
export function traceSessions(
  rng: Rng,
  out: NodeTimes,
  a: number,
  b: number,
  main: number,
  helpers: readonly number[],
  start: number,
): number {
  let t = start;
  let sessionEnd = t + rng.int(2, 4) * 3600;
  let user = main;
  for (let i = a; i < b; i++) {
    t += rng.int(8, 15);
    if (t > sessionEnd) {
      t = nextSession(rng, t, rng.int(1, 6));
      sessionEnd = t + rng.int(2, 4) * 3600;
      // Some sessions are handed to a helper, as in a real tracing team.
      user = rng.chance(0.2) ? rng.pick(helpers) : main;
    }
    t = Math.min(t, TIME_END - DAY * 20);
    out.created[i] = t;
    out.creator[i] = user;
    out.confidence[i] = rng.chance(0.96) ? 5 : rng.int(1, 4);
    if (rng.chance(0.04)) {
      out.editor[i] = rng.pick(helpers);
      out.edited[i] = Math.min(t + rng.int(1, 120) * DAY + rng.int(0, 20_000), TIME_END);
    } else {
      out.editor[i] = user;
      out.edited[i] = t;
    }
  }
  return t;
}

export interface ReviewPlan {
  reviewer: number;
  from: number;
  to: number;
  start: number;
}

/** 30 % of neurons fully reviewed (1–3 reviewers), 25 % partially, the rest not at all. */
export function planReviews(
  rng: Rng,
  a: number,
  b: number,
  lastCreation: number,
  reviewers: readonly number[],
): ReviewPlan[] {
  const roll = rng.next();
  if (roll > 0.55) return [];
  const n = b - a;
  const plans: ReviewPlan[] = [];
  const count = roll < 0.3 ? rng.int(1, 3) : 1;
  let start = nextSession(rng, lastCreation, rng.int(5, 40));
  const used = new Set<number>();
  for (let k = 0; k < count; k++) {
    let reviewer = rng.pick(reviewers);
    while (used.has(reviewer) && used.size < reviewers.length) reviewer = rng.pick(reviewers);
    used.add(reviewer);
    const full = roll < 0.3 && k === 0;
    const from = full ? a : a + Math.floor(rng.next() * n * 0.5);
    const to = full ? b : Math.min(b, from + Math.max(1, Math.floor(n * rng.range(0.2, 0.6))));
    plans.push({ reviewer, from, to, start });
    start = nextSession(rng, start, rng.int(1, 10));
  }
  return plans;
}

export const LABELS = ['soma', 'ends', 'uncertain end', 'TODO'] as const;
