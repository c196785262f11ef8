/**
 * Similarity by shape (NBLAST, FCWB scores) of the selection's loaded skeletons: run in the
 * analysis worker pool with progress; forward, reverse or mean matrix with dendrogram and
 * clusters; "most similar to this neuron".
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { scoreMatrixOf, type NblastScoreKind } from '../../analysis/nblast/nblast-score.ts';
import { formatFixed } from '../../lib/format.ts';
import { useUrlStore } from '../../state/url-store.ts';
import { sharedAnalysisPool } from '../../workers/analysis-pool.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { MostSimilar } from './MostSimilar.tsx';
import { runNblast, type NblastProgress } from './run-nblast.ts';
import { SimilarityResult } from './SimilarityResult.tsx';
import { useLoadedSkeletons } from './use-loaded-skeletons.ts';

interface Props {
  ids: readonly number[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
}

interface Result {
  ids: number[];
  forward: number[][];
  seconds: number;
  midlineUm: number | null;
}

const KINDS: { id: NblastScoreKind; label: string }[] = [
  { id: 'mean', label: 'Mean of both directions' },
  { id: 'forward', label: 'Query (row) → target (column)' },
  { id: 'reverse', label: 'Target (column) → query (row)' },
];

export function NblastPanel({ ids, names, colors }: Props) {
  const id = useId();
  const skeletons = useLoadedSkeletons(ids);
  const kind = useUrlStore((s) => s.state.similarity.nblastScore);
  const mirror = useUrlStore((s) => s.state.similarity.mirror) === 'on';
  const update = useUrlStore((s) => s.update);
  const [progress, setProgress] = useState<NblastProgress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const running = progress !== null;
  const loaded = skeletons.pending === 0 && !skeletons.error;

  const run = () => {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setError(null);
    const details = skeletons.details;
    const started = performance.now();
    runNblast(sharedAnalysisPool(), details, mirror, setProgress, ctrl.signal)
      .then(({ forward, midlineUm }) => {
        if (ctrl.signal.aborted) return;
        const seconds = (performance.now() - started) / 1000;
        setResult({ ids: details.map((d) => d.skeletonId), forward, seconds, midlineUm });
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setError(e);
      })
      .finally(() => {
        if (abort.current === ctrl) setProgress(null);
      });
  };

  const view = useMemo(() => {
    if (!result) return null;
    const labels = result.ids.map((s) => names.get(s) ?? String(s));
    const cols = result.ids.map((s) => colors.get(s) ?? '#888888');
    return {
      labels,
      cols,
      matrix: scoreMatrixOf(result.forward, kind),
      symmetric: scoreMatrixOf(result.forward, 'mean'),
    };
  }, [result, names, colors, kind]);

  return (
    <div className="nblast-panel">
      <p className="note">
        NBLAST (Costa et al. 2016) on the loaded skeletons: points every 1 µm along the cable,
        tangents from the 5 nearest points, FCWB scoring matrix; scores normalised so a neuron
        against itself scores 1.
      </p>
      <div className="similarity-controls">
        <button type="button" onClick={run} disabled={!loaded || running || ids.length < 2}>
          Run NBLAST
        </button>
        {running ? (
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel NBLAST
          </button>
        ) : null}
        <label>
          <input
            type="checkbox"
            checked={mirror}
            onChange={(e) => {
              const v = e.target.checked ? 'on' : 'off';
              update((s) => ({ ...s, similarity: { ...s.similarity, mirror: v } }), 'replace');
            }}
          />{' '}
          Also compare with mirror images (finds left/right homologues)
        </label>
        <label htmlFor={`${id}-kind`}>Score</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => {
            const v = KINDS.find((k) => k.id === e.target.value)?.id ?? 'mean';
            update((s) => ({ ...s, similarity: { ...s.similarity, nblastScore: v } }), 'replace');
          }}
        >
          {KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <p
        role="status"
        className="nblast-status"
        data-nblast-ready={result && !running ? 'true' : 'false'}
      >
        {skeletons.pending > 0
          ? `Loading skeletons: ${ids.length - skeletons.pending} of ${ids.length}…`
          : progress
            ? progress.phase === 'dotprops'
              ? `Dot properties: ${progress.done} of ${progress.total} neurons…`
              : `NBLAST: ${progress.done} of ${progress.total} rows…`
            : result
              ? `NBLAST of ${result.ids.length} × ${result.ids.length} neurons took ${formatFixed(result.seconds, 2)} s${result.midlineUm === null ? '' : ` (mirrored across x = ${formatFixed(result.midlineUm, 1)} µm)`}.`
              : ids.length < 2
                ? 'Select at least two neurons.'
                : 'Ready to run.'}
      </p>
      {skeletons.error ? (
        <ErrorMessage
          error={skeletons.error}
          context="Loading skeletons failed"
          onRetry={skeletons.retry}
          retrying={skeletons.retrying}
        />
      ) : null}
      {error ? (
        <ErrorMessage error={error} context="NBLAST failed" onRetry={run} retrying={running} />
      ) : null}
      {result && view ? (
        <>
          <SimilarityResult
            title={`NBLAST ${kind} score`}
            fileBase="nblast"
            ids={result.ids}
            names={view.labels}
            colors={view.cols}
            matrix={view.matrix}
            symmetricMatrix={view.symmetric}
            range={[0, 1]}
          />
          <MostSimilar
            ids={result.ids}
            names={view.labels}
            colors={view.cols}
            forward={result.forward}
            fileBase="nblast"
          />
        </>
      ) : null}
    </div>
  );
}
