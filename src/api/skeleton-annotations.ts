/**
 * POST /{pid}/skeleton/annotationlist (API ref §3.3): the annotations of each skeleton's neuron,
 * with names. Indexed `skeleton_ids[i]` only; `annotations=1` (an integer flag) adds the names.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { runChunked } from '../lib/http/chunked.ts';
import type { CallOptions } from '../lib/http/client.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export const SKELETON_ANNOTATIONS_ENDPOINT = 'POST /{pid}/skeleton/annotationlist';
const CHUNK = 1000;

export const skeletonAnnotationsSchema = z.object({
  skeletons: z.record(
    z.string(),
    z.object({ annotations: z.array(z.object({ id: z.number(), uid: z.number().optional() })) }),
  ),
  annotations: z.record(z.string(), z.string()).optional(),
});

/** skeleton id → annotation names (sorted). Skeletons without annotations map to []. */
export type SkeletonAnnotations = ReadonlyMap<number, readonly string[]>;

export async function fetchSkeletonAnnotations(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  { signal }: CallOptions = {},
): Promise<SkeletonAnnotations> {
  const ids = [...new Set(skeletonIds)];
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const parts = await runChunked(
    ids,
    CHUNK,
    2,
    (chunk, chunkSignal) =>
      scope.client.request(skeletonAnnotationsSchema, {
        method: 'POST',
        path: `/${scope.projectId}/skeleton/annotationlist`,
        form: [
          ['skeleton_ids', chunk],
          ['annotations', 1],
        ],
        signal: chunkSignal,
        endpoint: SKELETON_ANNOTATIONS_ENDPOINT,
      }),
    { signal },
  );
  for (const id of ids) out.set(id, []);
  for (const part of parts) {
    const names = part.annotations ?? {};
    for (const [skid, entry] of Object.entries(part.skeletons)) {
      const list = entry.annotations.map((a) => names[String(a.id)] ?? `#${a.id}`);
      out.set(
        Number(skid),
        [...new Set(list)].sort((a, b) => a.localeCompare(b)),
      );
    }
  }
  return out;
}

export function skeletonAnnotationsQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  const skids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeleton-annotations', { skids }] as const,
    queryFn: ({ signal }) => fetchSkeletonAnnotations(scope, skids, { signal }),
  });
}
