/** The skeleton ids of a neuron set (selection, chosen ids, or an annotation's neurons). */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { neuronSearchQuery } from '../../api/neuron-search.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { parseNeuronSet, type NeuronSetSpec } from './neuron-set.ts';

export interface NeuronSet {
  spec: NeuronSetSpec;
  ids: number[];
  pending: boolean;
  error: unknown;
  retry: () => void;
}

export function useNeuronSet(text: string): NeuronSet {
  const scope = useProjectScope();
  const spec = useMemo(() => parseNeuronSet(text), [text]);
  const selected = useSelection((s) => s.items.map((i) => i.skeletonId));
  const annotation = spec.kind === 'annotation' ? spec.name : '';
  const search = useQuery({
    ...neuronSearchQuery(scope, {
      annotatedWith: [[annotation]],
      annotationReference: 'name',
      ignoreNonexisting: true,
      includeSubAnnotations: true,
      types: ['neuron'],
    }),
    enabled: spec.kind === 'annotation',
  });
  const key = selected.join(',');
  const ids = useMemo(() => {
    if (spec.kind === 'ids') return spec.ids;
    if (spec.kind === 'annotation')
      return [...new Set((search.data?.entities ?? []).flatMap((e) => e.skeletonIds))].sort(
        (a, b) => a - b,
      );
    return key ? key.split(',').map(Number) : [];
  }, [spec, search.data, key]);
  return {
    spec,
    ids,
    pending: spec.kind === 'annotation' && search.isPending,
    error: spec.kind === 'annotation' ? search.error : null,
    retry: () => void search.refetch(),
  };
}
