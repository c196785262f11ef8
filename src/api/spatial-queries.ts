/**
 * Bounding-box queries (API ref §3.3, §5.4, §8): skeletons with an edge in a box
 * (`skeletons/in-bounding-box`, pymaid get_neurons_in_bbox / get_neurons_in_volume), connectors
 * in a box (`connectors/in-bounding-box`, get_connectors_in_bbox), the volumes whose bounding
 * boxes skeletons innervate (`volumes/skeleton-innervations`) and the volume bounding-box point
 * test (`volumes/{id}/intersect`). All of these are bounding-box tests on the server: exact mesh
 * tests happen client-side (analysis/regions).
 *
 * `connectors/in-bounding-box` is never sent a `limit`: CATMAID 2021.12 answers a non-zero limit
 * with 500 (API ref §2 fix 8); callers cap client-side.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { SchemaError } from '../lib/http/errors.ts';
import { parseCatmaidTimeOrNaN } from '../lib/http/timestamps.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export interface BoundingBox {
  min: readonly [number, number, number];
  max: readonly [number, number, number];
}

const boxParams = (b: BoundingBox) => ({
  minx: b.min[0],
  miny: b.min[1],
  minz: b.min[2],
  maxx: b.max[0],
  maxy: b.max[1],
  maxz: b.max[2],
});

export interface SkeletonBoxQuery {
  /** A box in nm, or a volume (the server uses the volume's bounding box). */
  where: { box: BoundingBox } | { volumeId: number };
  minNodes?: number;
  /** nm, an integer on the wire. */
  minCable?: number;
  /** Only these skeletons (restrict the answer to candidates). */
  skeletonIds?: readonly number[];
}

const skeletonsInBoxEndpoint = defineEndpoint({
  route: ROUTES.skeletonsInBoundingBox,
  schema: z.array(z.number()),
  encode: (q: SkeletonBoxQuery) => ({
    data: {
      ...('box' in q.where ? boxParams(q.where.box) : { volume_id: q.where.volumeId }),
      ...(q.minNodes ? { min_nodes: q.minNodes } : {}),
      ...(q.minCable ? { min_cable: Math.round(q.minCable) } : {}),
      ...(q.skeletonIds ? { skeleton_ids: [...q.skeletonIds] } : {}),
    },
  }),
  decode: (ids) => [...new Set(ids)].sort((a, b) => a - b),
});

export const fetchSkeletonsInBox = skeletonsInBoxEndpoint.fetch;

export function skeletonsInBoxQuery(scope: ProjectScope, q: SkeletonBoxQuery) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', 'in-bounding-box', q] as const,
    queryFn: ({ signal }) => fetchSkeletonsInBox(scope, q, { signal }),
  });
}

/** One treenode–connector link of a connector in the box (null fields: an unlinked connector). */
export interface BoxConnectorLink {
  connectorId: number;
  x: number;
  y: number;
  z: number;
  skeletonId: number | null;
  treenodeId: number | null;
  relationId: number | null;
  confidence: number | null;
  userId: number | null;
  /** Epoch ms, NaN when absent. */
  creationTime: number;
}

const CONNECTORS_IN_BOX = routeName(ROUTES.connectorsInBoundingBox);
const nullableNumber = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Rows of `with_locations=true&with_links=true`: 11 columns per link (API ref §5.4). */
export function decodeConnectorsInBox(raw: unknown): BoxConnectorLink[] {
  if (!Array.isArray(raw)) throw new SchemaError(CONNECTORS_IN_BOX, 'expected an array of rows');
  return raw.map((row: unknown, i): BoxConnectorLink => {
    if (!Array.isArray(row) || row.length !== 11)
      throw new SchemaError(CONNECTORS_IN_BOX, `row ${i}: expected 11 columns`);
    const [cid, x, y, z, skid, conf, user, tn, created, , rel] = row as unknown[];
    if (typeof cid !== 'number' || typeof x !== 'number' || typeof y !== 'number')
      throw new SchemaError(
        CONNECTORS_IN_BOX,
        `row ${i}: connector id and location must be numbers`,
      );
    if (typeof z !== 'number')
      throw new SchemaError(CONNECTORS_IN_BOX, `row ${i}: connector z must be a number`);
    return {
      connectorId: cid,
      x,
      y,
      z,
      skeletonId: nullableNumber(skid),
      treenodeId: nullableNumber(tn),
      relationId: nullableNumber(rel),
      confidence: nullableNumber(conf),
      userId: nullableNumber(user),
      creationTime: typeof created === 'string' ? parseCatmaidTimeOrNaN(created) : Number.NaN,
    };
  });
}

const connectorsInBoxEndpoint = defineEndpoint({
  route: ROUTES.connectorsInBoundingBox,
  schema: z.unknown(),
  encode: (box: BoundingBox) => ({
    data: { ...boxParams(box), with_locations: true, with_links: true },
  }),
  decode: (raw) => decodeConnectorsInBox(raw),
});

export const fetchConnectorsInBox = connectorsInBoxEndpoint.fetch;

export function connectorsInBoxQuery(scope: ProjectScope, box: BoundingBox) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'connectors', 'in-bounding-box', box] as const,
    queryFn: ({ signal }) => fetchConnectorsInBox(scope, box, { signal }),
  });
}

/** skeleton id → ids of the volumes whose bounding box it innervates. */
export type SkeletonInnervations = Map<number, number[]>;

const innervationsSchema = z.array(
  z.object({ skeleton_id: z.number(), volume_ids: z.array(z.number()) }),
);

const innervationsEndpoint = defineEndpoint({
  route: ROUTES.skeletonInnervations,
  schema: innervationsSchema,
  encode: (skeletonIds: readonly number[]) => ({ data: { skeleton_ids: [...skeletonIds] } }),
  decode: (rows): SkeletonInnervations =>
    new Map(rows.map((r) => [r.skeleton_id, [...r.volume_ids].sort((a, b) => a - b)])),
});

export function fetchSkeletonInnervations(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  options: { signal?: AbortSignal } = {},
): Promise<SkeletonInnervations> {
  // No ids → CATMAID answers 400 "Need skeleton IDs"; there is nothing to ask.
  if (skeletonIds.length === 0) return Promise.resolve(new Map());
  return innervationsEndpoint.fetch(scope, skeletonIds, options);
}

const intersectEndpoint = defineEndpoint({
  route: ROUTES.volumeIntersect,
  schema: z.object({ intersects: z.boolean() }),
  encode: (q: { volumeId: number; x: number; y: number; z: number }) => ({
    path: { vid: q.volumeId },
    data: { x: q.x, y: q.y, z: q.z },
  }),
  decode: (w) => w.intersects,
});

/** True when the point is in the volume's bounding box (the server tests nothing finer). */
export const fetchVolumeIntersects = intersectEndpoint.fetch;
