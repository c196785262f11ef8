/**
 * The geometry the Regions view shows, computed off the main thread: the chosen volumes' meshes,
 * the selection's skeletons with connectors, and one worker job that classifies every node and
 * connector and sums the innervation. Server data stays in react-query; so does the job result
 * (keyed by every input it reads).
 */
import { queryOptions, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ProjectScope } from '../../api/scope.ts';
import { skeletonsWithConnectorsQuery } from '../../api/skeletons-with-connectors.ts';
import { volumeQuery, type Volume } from '../../api/volumes.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { projectKey } from '../../api/scope.ts';
import type { RegionJobOutput } from '../../analysis/regions/region-job.ts';
import { runRegionJobOffThread } from '../../workers/region-client.ts';

export interface RegionGeometry {
  volumes: Volume[] | null;
  skeletons: SkeletonDetail[] | null;
  /** Includes the extra points' inside flags per volume (same order as `points`). */
  result: RegionJobOutput | null;
  loading: boolean;
  error: unknown;
  failedSkeletons: number[];
  retry: () => void;
}

function regionJobQuery(
  scope: ProjectScope,
  volumes: Volume[] | null,
  skeletons: SkeletonDetail[] | null,
  points: Float32Array,
  pointsKey: string,
) {
  const volumeIds = volumes?.map((v) => v.id) ?? [];
  const skids = skeletons?.map((s) => s.skeletonId) ?? [];
  // The ids (and the points' key) identify the inputs: meshes and typed arrays are too big to
  // hash into a key on every render.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: [...projectKey(scope), 'region-job', { volumeIds, skids, pointsKey }] as const,
    queryFn: ({ signal }) =>
      runRegionJobOffThread(
        {
          volumes: (volumes ?? []).map((v) => ({
            id: v.id,
            positions: v.mesh.positions,
            indices: v.mesh.indices,
          })),
          skeletons: (skeletons ?? []).map((s) => ({
            skeletonId: s.skeletonId,
            positions: s.positions,
            parentIndex: s.parentIndex,
            connectors: { relations: s.connectors.relations, positions: s.connectors.positions },
          })),
          points,
        },
        signal,
      ),
    staleTime: Infinity,
    structuralSharing: false,
  });
}

/** Stable (module scope), so react-query only recombines when a volume query changes. */
function combineVolumes(results: UseQueryResult<Volume>[]) {
  return {
    volumes: results.every((r) => r.data) ? results.map((r) => r.data as Volume) : null,
    error: results.find((r) => r.error)?.error ?? null,
    retry: () => {
      for (const r of results) if (r.isError) void r.refetch();
    },
  };
}

export function useRegionGeometry(
  scope: ProjectScope,
  volumeIds: readonly number[],
  skeletonIds: readonly number[],
  points: Float32Array = new Float32Array(0),
  pointsKey = '',
): RegionGeometry {
  const meshes = useQueries({
    queries: volumeIds.map((id) => volumeQuery(scope, id)),
    combine: combineVolumes,
  });
  const skeletons = useQuery({
    ...skeletonsWithConnectorsQuery(scope, skeletonIds),
    enabled: skeletonIds.length > 0,
  });
  const volumes = meshes.volumes;
  const loaded = useMemo(() => {
    if (skeletonIds.length === 0) return [];
    const map = skeletons.data?.skeletons;
    return map ? skeletonIds.flatMap((id) => map.get(id) ?? []) : null;
  }, [skeletons.data, skeletonIds]);
  const job = useQuery({
    ...regionJobQuery(scope, volumes, loaded, points, pointsKey),
    enabled: volumes !== null && loaded !== null,
  });
  const error = meshes.error ?? skeletons.error ?? job.error ?? null;
  return {
    volumes,
    skeletons: loaded,
    result: job.data ?? null,
    loading: !error && (volumes === null || loaded === null || job.isFetching),
    error,
    failedSkeletons: [...(skeletons.data?.failed.keys() ?? [])],
    retry: () => {
      meshes.retry();
      if (skeletons.isError) void skeletons.refetch();
      if (job.isError) void job.refetch();
    },
  };
}
