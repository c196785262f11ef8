/**
 * The display route's misses from CATMAID: ONE compact-detail batch POST with the browser's
 * flags (so the values are exactly what serve-cached.ts stores for that variant), credentials
 * masked in the bytes before anything keeps or reads them, split into per-skeleton values.
 */
import type { UpstreamSettings } from '../proxy/env.ts';
import { redactBufferInPlace } from '../proxy/redact.ts';
import { splitAnswer } from './answer-bytes.ts';
import type { CachedRequest } from './request-variant.ts';
import {
  credentialsOf,
  failedAnswer,
  unreachable,
  type UpstreamFailure,
} from './upstream-failure.ts';
import { fetchUpstream } from './upstream-fetch.ts';

export interface FetchedValues {
  values: Map<number, Buffer>;
  contentType: string;
}

export async function fetchCompactDetail(
  settings: UpstreamSettings,
  token: string | undefined,
  r: CachedRequest,
  skeletonIds: readonly number[],
  signal: AbortSignal,
): Promise<FetchedValues | UpstreamFailure> {
  const form = new URLSearchParams();
  skeletonIds.forEach((id, i) => form.append(`skeleton_ids[${i}]`, String(id)));
  for (const [k, v] of r.flagParams) form.append(k, v);
  const path = `/${r.projectId}/skeletons/compact-detail`;
  const answer = await fetchUpstream(settings, token, path, form, signal).catch((e: unknown) =>
    e instanceof Error ? e : new Error(String(e)),
  );
  if (answer instanceof Error) return unreachable(settings, token, answer);
  const what = 'skeletons/compact-detail';
  if (answer.status !== 200 || /^text\/html\b/i.test(answer.contentType))
    return failedAnswer(settings, token, what, answer);
  redactBufferInPlace(answer.body, credentialsOf(settings, token), r.format === 'json');
  const values = splitAnswer({ ...r, kind: 'batch' }, answer.body);
  if (!values || skeletonIds.some((id) => !values.has(id)))
    return failedAnswer(settings, token, what, answer);
  return { values, contentType: answer.contentType };
}
