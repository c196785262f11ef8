/**
 * POST /{pid}/annotations/forskeletons (API ref §3.3): the annotations of each skeleton's neuron,
 * with who linked them. Unknown skeletons are omitted; an empty id list is a server 500, so it is
 * never sent.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { runChunked } from '../lib/http/chunked.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export const FOR_SKELETONS_ENDPOINT = 'POST /{pid}/annotations/forskeletons';
const CHUNK = 1000;
const CONCURRENCY = 2;

export interface SkeletonAnnotation {
  id: number;
  name: string;
  /** The user who linked the annotation to the neuron. */
  userId: number;
}

export const forSkeletonsSchema = z.object({
  skeletons: z.record(z.string(), z.array(z.object({ id: z.number(), uid: z.number() }))),
  annotations: z.record(z.string(), z.string()),
});

export function decodeForSkeletons(
  raw: z.infer<typeof forSkeletonsSchema>,
): Map<number, SkeletonAnnotation[]> {
  const out = new Map<number, SkeletonAnnotation[]>();
  for (const [skid, links] of Object.entries(raw.skeletons)) {
    out.set(
      Number(skid),
      links.map((l) => ({
        id: l.id,
        name: raw.annotations[String(l.id)] ?? `#${l.id}`,
        userId: l.uid,
      })),
    );
  }
  return out;
}

export async function fetchAnnotationsForSkeletons(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  { signal }: CallOptions = {},
): Promise<Map<number, SkeletonAnnotation[]>> {
  const unique = [...new Set(skeletonIds)];
  const out = new Map<number, SkeletonAnnotation[]>();
  if (unique.length === 0) return out;
  const parts = await runChunked(
    unique,
    CHUNK,
    CONCURRENCY,
    (chunk, chunkSignal) =>
      scope.client.request(forSkeletonsSchema, {
        method: 'POST',
        path: `/${scope.projectId}/annotations/forskeletons`,
        form: { skeleton_ids: chunk },
        signal: chunkSignal,
        endpoint: FOR_SKELETONS_ENDPOINT,
      }),
    { signal },
  );
  for (const part of parts)
    for (const [skid, list] of decodeForSkeletons(part)) out.set(skid, list);
  return out;
}

export function annotationsForSkeletonsQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  const skids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'annotations-for-skeletons', { skids }] as const,
    queryFn: ({ signal }) => fetchAnnotationsForSkeletons(scope, skids, { signal }),
  });
}
