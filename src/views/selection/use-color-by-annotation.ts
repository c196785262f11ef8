/**
 * Keeps "colour by annotation" applied: while the store's `colorBy` names a meta-annotation,
 * every neuron of the selection (including ones added later) takes its group's colour and the
 * store's `colorLegend` explains them. Mounted once per dashboard (in SelectionDock).
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { annotationsForSkeletonsQuery } from '../../api/annotations-for-skeletons.ts';
import {
  neuronSearchQuery,
  type NeuronSearchParams,
  type NeuronSearchResult,
} from '../../api/neuron-search.ts';
import type { ProjectScope } from '../../api/scope.ts';
import { useSelection, useSelectionStore } from '../../state/selection-context.tsx';
import { schemeColor } from '../../state/selection-schemes.ts';
import type { ColorLegendEntry } from '../../state/selection-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import {
  buildHierarchy,
  groupByMetaAnnotation,
  type AnnotationHierarchy,
} from './annotation-groups.ts';

const ALL_ANNOTATIONS: NeuronSearchParams = { types: ['annotation'], withAnnotations: true };

const toHierarchy = (r: NeuronSearchResult) => buildHierarchy(r.entities);

/** Every annotation with its meta-annotations, as a hierarchy (one request per project). */
export function useAnnotationHierarchy(
  scope: ProjectScope,
  enabled = true,
): UseQueryResult<AnnotationHierarchy> {
  return useQuery({ ...neuronSearchQuery(scope, ALL_ANNOTATIONS), select: toHierarchy, enabled });
}

export interface ColorByStatus {
  loading: boolean;
  /** Why the colours could not be applied (unknown meta-annotation, failed request). */
  problem: string | null;
  error: unknown;
  hierarchy: AnnotationHierarchy | undefined;
}

function sameLegend(
  a: readonly ColorLegendEntry[] | null,
  b: readonly ColorLegendEntry[],
): boolean {
  return (
    a !== null &&
    a.length === b.length &&
    a.every((e, i) => {
      const o = b[i];
      return o !== undefined && o.label === e.label && o.color === e.color && o.count === e.count;
    })
  );
}

export function useColorByAnnotation(): ColorByStatus {
  const scope = useProjectScope();
  const store = useSelectionStore();
  const { colorBy, scheme, skidKey } = useSelection((s) => ({
    colorBy: s.colorBy,
    scheme: s.colorScheme,
    skidKey: s.items.map((i) => i.skeletonId).join(','),
  }));
  const skids = useMemo(() => (skidKey ? skidKey.split(',').map(Number) : []), [skidKey]);
  const active = colorBy !== null;
  const hierarchy = useAnnotationHierarchy(scope, active);
  const annotations = useQuery({
    ...annotationsForSkeletonsQuery(scope, skids),
    enabled: active && skids.length > 0,
  });
  const metaId = colorBy !== null ? hierarchy.data?.idsByName.get(colorBy) : undefined;
  const problem =
    active && hierarchy.data && metaId === undefined
      ? `This project has no annotation named "${colorBy}" to colour by.`
      : null;

  useEffect(() => {
    if (!hierarchy.data || metaId === undefined) return;
    if (skids.length > 0 && !annotations.data) return;
    const { colors, legend } = groupByMetaAnnotation(
      hierarchy.data,
      metaId,
      skids,
      annotations.data ?? new Map(),
      (i) => schemeColor(scheme, i),
    );
    const state = store.getState();
    if (state.colorBy !== colorBy) return;
    const changed = state.items.some((i) => colors.get(i.skeletonId) !== i.color);
    if (changed || !sameLegend(state.colorLegend, legend)) state.applyGroupColors(colors, legend);
  }, [hierarchy.data, annotations.data, metaId, skids, scheme, colorBy, store]);

  return {
    loading: active && (hierarchy.isPending || (skids.length > 0 && annotations.isPending)),
    problem,
    error: hierarchy.error ?? annotations.error,
    hierarchy: hierarchy.data,
  };
}
