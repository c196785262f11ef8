/**
 * The freshness check: ONE `POST /{pid}/skeletons/summary` for every skeleton of a request
 * (CATMAID ≥ 2021.12.21) gives each one's `last_edition_time`. A skeleton absent from the answer
 * was deleted or merged away. Any failure (an older server, 5xx, a rejected token) means the
 * cache cannot vouch for its entries, and the caller forwards the request as it came.
 */
import type { UpstreamSettings } from '../proxy/env.ts';
import { fetchUpstream, type FetchedAnswer } from './upstream-fetch.ts';

/** Skeleton id → `last_edition_time` as sent (null when CATMAID has none: never cached). */
export type EditionTimes = Map<number, string | null>;

/**
 * A summary that came back but cannot be used; keeps CATMAID's answer so a caller that must
 * report the failure (the display route) can tell the browser what CATMAID said.
 */
export class SummaryAnswerError extends Error {
  readonly answer: FetchedAnswer;
  constructor(message: string, answer: FetchedAnswer) {
    super(message);
    this.answer = answer;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function fetchEditionTimes(
  settings: UpstreamSettings,
  token: string | undefined,
  projectId: number,
  skeletonIds: readonly number[],
  signal: AbortSignal,
): Promise<EditionTimes | Error> {
  const form = new URLSearchParams();
  skeletonIds.forEach((id, i) => form.append(`skeleton_ids[${i}]`, String(id)));
  try {
    const answer = await fetchUpstream(
      settings,
      token,
      `/${projectId}/skeletons/summary`,
      form,
      signal,
    );
    if (answer.status !== 200)
      return new SummaryAnswerError(`summary answered ${answer.status}`, answer);
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body.toString('utf8'));
    } catch {
      return new SummaryAnswerError('summary is not JSON', answer);
    }
    if (!isRecord(parsed)) return new SummaryAnswerError('summary is not an object', answer);
    const out: EditionTimes = new Map();
    for (const value of Object.values(parsed)) {
      if (!isRecord(value) || typeof value.skeleton_id !== 'number') continue;
      const t = value.last_edition_time;
      out.set(value.skeleton_id, typeof t === 'string' && t !== '' ? t : null);
    }
    return out;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
