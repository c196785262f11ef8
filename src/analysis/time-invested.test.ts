import { describe, expect, it } from 'vitest';
import { computeTimeInvested, type TimeInvestedInput } from './time-invested.ts';

const MIN = 60_000;
// 2025-01-06 09:00 UTC, a multiple of 3 minutes since the epoch (bins are epoch-aligned).
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

function times(startMs: number, count: number, stepMs: number): number[] {
  return Array.from({ length: count }, (_, i) => startMs + i * stepMs);
}

/*
 * Worked example (pymaid defaults: 10 actions/min, 3-min bins → a bin is active with ≥ 30 events):
 *  user 1 creates 35 nodes in [09:00, 09:03) (one bin, active), 29 in [09:03, 09:06) (inactive)
 *         and 40 links in [09:06, 09:09) (active) → creation 6 min, total 6 min;
 *         31 of its nodes get edited by user 2 at 09:30 + k s (one bin, 31 events → active);
 *         the other nodes are "edited" 100 ms after creation → not editions.
 *  user 2: those 31 editions → edition 3, total 3; plus 20 reviews at 09:31 (same bin as the
 *         editions: total counts 51 events there but it is still one bin) → review 0, total 3.
 *  user 3: 25 reviews only → fewer than 30 events overall → not reported.
 */
function example(): TimeInvestedInput {
  const created = [...times(T0, 35, 5000), ...times(T0 + 3 * MIN, 29, 6000)];
  const edited = created.map((t, i) => (i < 31 ? T0 + 30 * MIN + i * 1000 : t + 100));
  const editors = created.map((_, i) => (i < 31 ? 2 : 1));
  const reviews = [...times(T0 + 31 * MIN, 20, 1000), ...times(T0 + 60 * MIN, 25, 1000)];
  const reviewers = [...Array<number>(20).fill(2), ...Array<number>(25).fill(3)];
  return {
    nodes: {
      creatorIds: created.map(() => 1),
      creationTimes: created,
      editorIds: editors,
      editionTimes: edited,
      reviewerIds: reviewers,
      reviewTimes: reviews,
    },
    links: { creatorIds: Array<number>(40).fill(1), creationTimes: times(T0 + 6 * MIN, 40, 4000) },
  };
}

describe('computeTimeInvested (pymaid get_time_invested, SUM by user)', () => {
  it('the worked example', () => {
    expect(computeTimeInvested(example())).toEqual([
      { userId: 1, actions: 104, total: 6, creation: 6, edition: 0, review: 0 },
      { userId: 2, actions: 51, total: 3, creation: 0, edition: 3, review: 0 },
    ]);
  });

  it('looser parameters count more bins and users', () => {
    // 5 actions/min over 1-min bins → ≥ 5 events per minute.
    const rows = computeTimeInvested(example(), { minimumActions: 5, maxInactiveMinutes: 1 });
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    // user 1: nodes 12/min for 3 min (35 at 5 s) → 3; 29 at 6 s = 10/min → 3 more; links 15/min → 3.
    expect(byUser.get(1)).toMatchObject({ creation: 9, total: 9 });
    // user 3: 25 reviews in 25 s → one active minute.
    expect(byUser.get(3)).toMatchObject({ review: 1, total: 1 });
    expect(byUser.get(2)).toMatchObject({ edition: 1, review: 1, total: 2 });
  });

  it('a date range drops events outside it', () => {
    const rows = computeTimeInvested(example(), {
      minimumActions: 10,
      maxInactiveMinutes: 3,
      start: T0 + 6 * MIN,
    });
    expect(rows.find((r) => r.userId === 1)).toEqual({
      userId: 1,
      actions: 40,
      total: 3,
      creation: 3,
      edition: 0,
      review: 0,
    });
  });
});
