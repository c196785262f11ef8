/**
 * POST /{pid}/skeleton/annotationlist (API ref §3.3): the annotations of each skeleton's neuron,
 * with names. Indexed `skeleton_ids[i]` only; `annotations=1` (an integer flag) adds the names.
 */
import { z } from 'zod';
import { defineBatchEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { defineSkeletonAspect } from './skeleton-aspect.ts';

const skeletonAnnotationsSchema = z.object({
  skeletons: z.record(
    z.string(),
    z.object({ annotations: z.array(z.object({ id: z.number(), uid: z.number().optional() })) }),
  ),
  annotations: z.record(z.string(), z.string()).optional(),
});

function decodeAnnotationList(
  wire: z.infer<typeof skeletonAnnotationsSchema>,
): [number, string[]][] {
  const names = wire.annotations ?? {};
  return Object.entries(wire.skeletons).map(([skid, entry]) => {
    const list = entry.annotations.map((a) => names[String(a.id)] ?? `#${a.id}`);
    return [Number(skid), [...new Set(list)].sort((a, b) => a.localeCompare(b))];
  });
}

const annotationListEndpoint = defineBatchEndpoint({
  route: ROUTES.skeletonAnnotationList,
  schema: skeletonAnnotationsSchema,
  encode: ({ ids }: { ids: number[]; extra: undefined }) => ({
    data: [
      ['skeleton_ids', ids],
      ['annotations', 1],
    ],
  }),
  decode: decodeAnnotationList,
  batch: { chunkSize: 1000, concurrency: 2 },
  merge: (parts, ids): Map<number, readonly string[]> => {
    const out = new Map<number, readonly string[]>(ids.map((id) => [id, []]));
    for (const part of parts) for (const [skid, list] of part) out.set(skid, list);
    return out;
  },
});

export const fetchSkeletonAnnotations = annotationListEndpoint.fetchAll;

/** Annotation names per skeleton, cached per id and batched. */
const skeletonAnnotationNames = defineSkeletonAspect<readonly string[]>({
  aspect: 'annotation-names',
  listKey: 'skeleton-annotations',
  fetchMany: fetchSkeletonAnnotations,
});

export const skeletonAnnotationsQuery = skeletonAnnotationNames.mapQuery;
