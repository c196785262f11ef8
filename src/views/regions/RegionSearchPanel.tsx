/**
 * "Neurons with nodes / synapses / presynapses / postsynapses in volume V (at least k)": the
 * server narrows to skeletons with an edge in V's bounding box (skeletons/in-bounding-box with
 * volume_id), then the exact point-in-mesh test runs in a worker on those candidates. Combined
 * with a name filter; the result can be added to the selection.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { skeletonsInBoxQuery } from '../../api/spatial-queries.ts';
import type { VolumeSummary } from '../../api/volumes.ts';
import { describeMethod } from '../../analysis/regions/inside-method.ts';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { useSelection } from '../../state/selection-context.tsx';
import { useRegionGeometry } from '../shared/use-region-geometry.ts';

type What = 'nodes' | 'synapses' | 'pre' | 'post';
interface Criterion {
  volumeId: number;
  what: What;
  atLeast: number;
  name: string;
}

/** Candidates beyond this are not loaded: the user is asked to narrow the search. */
const MAX_CANDIDATES = 500;

export function RegionSearchPanel({ volumes }: { volumes: readonly VolumeSummary[] }) {
  const id = useId();
  const scope = useProjectScope();
  const [draft, setDraft] = useState<Criterion>({
    volumeId: volumes[0]?.id ?? 0,
    what: 'nodes',
    atLeast: 1,
    name: '',
  });
  const [criterion, setCriterion] = useState<Criterion | null>(null);
  const candidates = useQuery({
    ...skeletonsInBoxQuery(scope, { where: { volumeId: criterion?.volumeId ?? 0 } }),
    enabled: criterion !== null,
  });
  const candidateIds = useMemo(
    () => (candidates.data ?? []).slice(0, MAX_CANDIDATES),
    [candidates.data],
  );
  const names = useQuery({
    ...neuronNamesQuery(scope, candidateIds),
    enabled: candidateIds.length > 0,
  });
  const named = useMemo(() => {
    if (!criterion?.name.trim()) return candidateIds;
    if (!names.data) return [];
    const needle = criterion.name.trim().toLowerCase();
    return candidateIds.filter((s) => (names.data.get(s) ?? '').toLowerCase().includes(needle));
  }, [candidateIds, names.data, criterion]);
  const geometry = useRegionGeometry(
    scope,
    criterion ? [criterion.volumeId] : [],
    criterion ? named : [],
  );
  const matches = useMemo(() => {
    if (!criterion || !geometry.result) return null;
    return geometry.result.innervation.flatMap((perVolume) => {
      const r = perVolume[0];
      if (!r) return [];
      const count =
        criterion.what === 'synapses' ? r.inside.pre + r.inside.post : r.inside[criterion.what];
      return count >= criterion.atLeast ? [{ skeletonId: r.skeletonId, count }] : [];
    });
  }, [criterion, geometry.result]);
  const add = useSelection((s) => s.add);
  const method = geometry.result?.volumes[0]?.method;

  return (
    <section aria-label="Neurons in a region" className="regions-panel">
      <h2>Neurons in a region</h2>
      <form
        aria-label="Region search"
        className="regions-form"
        onSubmit={(e) => {
          e.preventDefault();
          setCriterion({ ...draft });
        }}
      >
        <label htmlFor={`${id}-what`}>Has</label>
        <select
          id={`${id}-what`}
          value={draft.what}
          onChange={(e) => setDraft({ ...draft, what: e.target.value as What })}
        >
          <option value="nodes">nodes</option>
          <option value="synapses">synapses</option>
          <option value="pre">presynapses</option>
          <option value="post">postsynapses</option>
        </select>
        <label htmlFor={`${id}-vol`}>in volume</label>
        <select
          id={`${id}-vol`}
          value={draft.volumeId}
          onChange={(e) => setDraft({ ...draft, volumeId: Number(e.target.value) })}
        >
          {volumes.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-k`}>at least</label>
        <input
          id={`${id}-k`}
          type="number"
          min={1}
          value={draft.atLeast}
          onChange={(e) =>
            setDraft({ ...draft, atLeast: Math.max(1, Math.floor(Number(e.target.value)) || 1) })
          }
        />
        <label htmlFor={`${id}-name`}>Name contains</label>
        <input
          id={`${id}-name`}
          type="text"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <button type="submit">Find neurons</button>
      </form>
      <QueryErrorMessage query={candidates} context="Bounding-box search failed" />
      <QueryErrorMessage query={names} context="Neuron names failed" />
      {geometry.error ? (
        <ErrorMessage
          error={geometry.error}
          context="Loading skeletons or the volume failed"
          onRetry={geometry.retry}
        />
      ) : null}
      {criterion && candidates.data ? (
        <p role="status" aria-label="Region search status">
          Server bounding-box test: {candidates.data.length} candidate
          {candidates.data.length === 1 ? '' : 's'}
          {candidates.data.length > MAX_CANDIDATES ? ` (first ${MAX_CANDIDATES} tested)` : ''}.{' '}
          {matches
            ? `Exact test (${method ? describeMethod(method) : ''}): ${matches.length} match${matches.length === 1 ? '' : 'es'}.`
            : 'Testing against the mesh…'}
        </p>
      ) : criterion ? (
        <p role="status">Asking the server…</p>
      ) : null}
      {matches && matches.length > 0 ? (
        <>
          <button type="button" onClick={() => add(matches.map((m) => m.skeletonId))}>
            Add {matches.length} to selection
          </button>
          <ul aria-label="Region search results" className="regions-results">
            {matches.map((m) => (
              <li key={m.skeletonId} data-skeleton-id={m.skeletonId}>
                {names.data?.get(m.skeletonId) ?? m.skeletonId} ({m.skeletonId}): {m.count}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
