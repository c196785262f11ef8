/**
 * POST /{pid}/annotations/forskeletons (API ref §3.3): the annotations of each skeleton's neuron,
 * with who linked them. Unknown skeletons are omitted; an empty id list is a server 500, so it is
 * never sent.
 */
import { z } from 'zod';
import { defineBatchEndpoint, idList } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { mergeEntries } from './merge.ts';
import { defineSkeletonAspect } from './skeleton-aspect.ts';

interface SkeletonAnnotation {
  id: number;
  name: string;
  /** The user who linked the annotation to the neuron. */
  userId: number;
}

const forSkeletonsSchema = z.object({
  skeletons: z.record(z.string(), z.array(z.object({ id: z.number(), uid: z.number() }))),
  annotations: z.record(z.string(), z.string()),
});

function decodeForSkeletons(
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

const forSkeletonsEndpoint = defineBatchEndpoint({
  route: ROUTES.annotationsForSkeletons,
  schema: forSkeletonsSchema,
  encode: idList('skeleton_ids'),
  decode: (wire) => [...decodeForSkeletons(wire)],
  batch: { chunkSize: 1000, concurrency: 2 },
  merge: mergeEntries,
});

export const fetchAnnotationsForSkeletons = forSkeletonsEndpoint.fetchAll;

/** Annotations (with linking user) per skeleton, cached per id and batched. */
const skeletonAnnotationLinks = defineSkeletonAspect<SkeletonAnnotation[]>({
  aspect: 'annotation-links',
  listKey: 'annotations-for-skeletons',
  fetchMany: fetchAnnotationsForSkeletons,
});

export const annotationsForSkeletonsQuery = skeletonAnnotationLinks.mapQuery;
