/**
 * Picks a neuron set for a circuit query: the whole selection, some of its neurons, or every
 * neuron with an annotation (typed with completion from the project's annotations).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { annotationNamesQuery } from '../../api/annotations.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { parseNeuronSet, writeNeuronSet, type NeuronSetSpec } from './neuron-set.ts';
import type { NeuronSet } from './use-neuron-set.ts';

interface Props {
  label: string;
  value: string;
  onChange: (text: string) => void;
  set: NeuronSet;
}

export function SetPicker({ label, value, onChange, set }: Props) {
  const id = useId();
  const scope = useProjectScope();
  const spec = parseNeuronSet(value);
  const selected = useSelection((s) => s.items.map((i) => i.skeletonId));
  const names = useQuery({ ...neuronNamesQuery(scope, selected), enabled: spec.kind === 'ids' });
  const [draft, setDraft] = useState(spec.kind === 'annotation' ? spec.name : '');
  const annotations = useQuery({
    ...annotationNamesQuery(scope),
    enabled: spec.kind === 'annotation',
  });
  const commit = (next: NeuronSetSpec) => onChange(writeNeuronSet(next));
  const chosen = new Set(spec.kind === 'ids' ? spec.ids : []);
  const toggle = (skid: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(skid);
    else next.delete(skid);
    commit({ kind: 'ids', ids: selected.filter((s) => next.has(s)) });
  };
  return (
    <fieldset className="set-picker">
      <legend>{label}</legend>
      <label>
        Neurons
        <select
          value={spec.kind}
          onChange={(e) => {
            const kind = e.target.value;
            if (kind === 'ids') commit({ kind: 'ids', ids: [] });
            else if (kind === 'annotation' && draft.trim())
              commit({ kind: 'annotation', name: draft.trim() });
            else if (kind === 'annotation') onChange('ann:');
            else commit({ kind: 'selection' });
          }}
        >
          <option value="selection">whole selection</option>
          <option value="ids">chosen neurons of the selection</option>
          <option value="annotation">annotated with…</option>
        </select>
      </label>
      {value.startsWith('ann:') ? (
        <form
          className="set-annotation"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) commit({ kind: 'annotation', name: draft.trim() });
          }}
        >
          <label>
            Annotation
            <input
              type="text"
              list={`${id}-annotations`}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => draft.trim() && commit({ kind: 'annotation', name: draft.trim() })}
            />
          </label>
          <datalist id={`${id}-annotations`}>
            {(annotations.data ?? []).slice(0, 2000).map((a) => (
              <option key={a.id} value={a.name} />
            ))}
          </datalist>
          <button type="submit">Use</button>
        </form>
      ) : null}
      {spec.kind === 'ids' ? (
        <div className="source-list" role="group" aria-label={`${label}: chosen neurons`}>
          {selected.map((skid) => (
            <label key={skid} className="source-chip">
              <input
                type="checkbox"
                checked={chosen.has(skid)}
                onChange={(e) => toggle(skid, e.target.checked)}
              />
              {names.data?.get(skid) ?? skid}
            </label>
          ))}
        </div>
      ) : null}
      <p className="hint" role="status" aria-label={`${label} size`}>
        {set.pending
          ? 'Finding the neurons…'
          : `${set.ids.length} neuron${set.ids.length === 1 ? '' : 's'}`}
      </p>
      <QueryErrorMessage query={annotations} context="Annotations failed" />
      {set.error ? (
        <ErrorMessage error={set.error} context="Finding the neurons failed" onRetry={set.retry} />
      ) : null}
    </fieldset>
  );
}
