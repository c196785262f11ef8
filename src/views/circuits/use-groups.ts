/**
 * Cell-type groups of some neurons under the meta-annotation the user picked (default
 * "cell type"): the project's annotation hierarchy, the neurons' annotations, and the pure
 * grouping of analysis/cell-groups.ts.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { annotationsForSkeletonsQuery } from '../../api/annotations-for-skeletons.ts';
import {
  groupAnnotationMap,
  groupsOfSkeletons,
  ungroupedLabel,
} from '../../analysis/cell-groups.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { metaAnnotations, type MetaAnnotation } from '../selection/annotation-groups.ts';
import { useAnnotationHierarchy } from '../selection/use-color-by-annotation.ts';

export interface Groups {
  /** skeleton id → group name; undefined while loading. */
  groupOf: ReadonlyMap<number, string> | undefined;
  ungrouped: string;
  metas: MetaAnnotation[];
  /** The meta-annotation is not in the project. */
  unknownMeta: boolean;
  pending: boolean;
  /** The two queries behind it, for their inline errors. */
  queries: readonly FailableQuery[];
}

interface FailableQuery {
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export function useGroups(ids: readonly number[], meta: string, enabled = true): Groups {
  const scope = useProjectScope();
  const hierarchy = useAnnotationHierarchy(scope, enabled);
  const annotations = useQuery({
    ...annotationsForSkeletonsQuery(scope, ids),
    enabled: enabled && ids.length > 0,
  });
  const metaId = hierarchy.data?.idsByName.get(meta);
  const metas = useMemo(
    () => (hierarchy.data ? metaAnnotations(hierarchy.data) : []),
    [hierarchy.data],
  );
  const groupOf = useMemo(() => {
    if (!hierarchy.data || (ids.length > 0 && !annotations.data)) return undefined;
    const map =
      metaId === undefined ? new Map<number, string>() : groupAnnotationMap(hierarchy.data, metaId);
    return groupsOfSkeletons(ids, annotations.data ?? new Map(), map, meta);
  }, [hierarchy.data, annotations.data, ids, metaId, meta]);
  return {
    groupOf,
    ungrouped: ungroupedLabel(meta),
    metas,
    unknownMeta: hierarchy.data !== undefined && metaId === undefined,
    pending: enabled && groupOf === undefined,
    queries: [hierarchy, annotations],
  };
}
