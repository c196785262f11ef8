/**
 * Similarity by connectivity (pymaid's cluster_by_connectivity): each neuron's input and output
 * partner vectors, matching index or cosine, combined per neuron by its share of inputs and
 * outputs; matrix with dendrogram, clusters, exports.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { connectivityQuery } from '../../api/connectivity.ts';
import {
  connectivitySimilarity,
  symmetric,
  type SimilarityMetric,
} from '../../analysis/similarity/connectivity-similarity.ts';
import { partnerVectors } from '../../analysis/similarity/partner-vectors.ts';
import { useUrlStore } from '../../state/url-store.ts';
import type { SimilarityUrlState } from '../../state/similarity-url.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { SimilarityResult } from './SimilarityResult.tsx';

interface Props {
  ids: readonly number[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
}

const METRICS: { id: SimilarityMetric; label: string }[] = [
  { id: 'matching_index', label: 'Matching index (shared / all partners)' },
  { id: 'cosine', label: 'Cosine of synapse counts' },
];

const DIRECTIONS: { id: SimilarityUrlState['direction']; label: string }[] = [
  { id: 'both', label: 'Inputs and outputs' },
  { id: 'upstream', label: 'Inputs (upstream partners)' },
  { id: 'downstream', label: 'Outputs (downstream partners)' },
];

export function ConnectivitySimilarityPanel({ ids, names, colors }: Props) {
  const id = useId();
  const scope = useProjectScope();
  const opts = useUrlStore((s) => s.state.similarity);
  const update = useUrlStore((s) => s.update);
  const set = (patch: Partial<SimilarityUrlState>) =>
    update((s) => ({ ...s, similarity: { ...s.similarity, ...patch } }), 'replace');
  const connectivity = useQuery({ ...connectivityQuery(scope, ids), enabled: ids.length > 1 });
  const matrix = useMemo(() => {
    if (!connectivity.data) return null;
    const m = connectivitySimilarity(partnerVectors(connectivity.data, ids), {
      metric: opts.metric,
      threshold: opts.threshold,
      upstream: opts.direction !== 'downstream',
      downstream: opts.direction !== 'upstream',
    });
    return { m, sym: symmetric(m) };
  }, [connectivity.data, ids, opts.metric, opts.threshold, opts.direction]);

  return (
    <div className="connectivity-similarity-panel">
      <div className="similarity-controls">
        <label htmlFor={`${id}-metric`}>Metric</label>
        <select
          id={`${id}-metric`}
          value={opts.metric}
          onChange={(e) => set({ metric: METRICS.find((m) => m.id === e.target.value)?.id })}
        >
          {METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-dir`}>Partners</label>
        <select
          id={`${id}-dir`}
          value={opts.direction}
          onChange={(e) => set({ direction: DIRECTIONS.find((d) => d.id === e.target.value)?.id })}
        >
          {DIRECTIONS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-min`}>Min. synapses per partner</label>
        <input
          id={`${id}-min`}
          type="number"
          min={1}
          max={100}
          value={opts.threshold}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (v >= 1 && v <= 100) set({ threshold: v });
          }}
        />
      </div>
      <QueryErrorMessage query={connectivity} context="Connectivity failed" />
      {ids.length < 2 ? (
        <p role="status">Select at least two neurons.</p>
      ) : matrix ? (
        <SimilarityResult
          title={`Connectivity ${opts.metric === 'cosine' ? 'cosine' : 'matching index'}`}
          fileBase="connectivity-similarity"
          ids={ids}
          names={ids.map((s) => names.get(s) ?? String(s))}
          colors={ids.map((s) => colors.get(s) ?? '#888888')}
          matrix={matrix.m}
          symmetricMatrix={matrix.sym}
          range={[0, 1]}
        />
      ) : connectivity.isPending ? (
        <p role="status">Loading partners…</p>
      ) : null}
    </div>
  );
}
