/**
 * Choose a presynaptic and a postsynaptic neuron and show the synapses between them in 3D (only
 * those the matrix counts, when it is restricted to a compartment).
 */
import type { ConnectorLink } from '../../api/connectors-between.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useSynapseHighlight } from './use-synapse-highlight.ts';

interface Props {
  ids: readonly number[];
  names: ReadonlyMap<number, string>;
  pair: [number, number] | null;
  onPair: (pair: [number, number]) => void;
  keep?: ((l: ConnectorLink) => boolean) | undefined;
}

export function PairPicker({ ids, names, pair, onPair, keep }: Props) {
  const highlight = useSynapseHighlight();
  const [pre, post] = pair ?? [ids[0] ?? 0, ids[1] ?? ids[0] ?? 0];
  const name = (id: number) => names.get(id) ?? String(id);
  return (
    <div className="pair-picker" role="group" aria-label="Synapses of a pair">
      <label>
        From
        <select value={pre} onChange={(e) => onPair([Number(e.target.value), post])}>
          {ids.map((id) => (
            <option key={id} value={id}>
              {name(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        onto
        <select value={post} onChange={(e) => onPair([pre, Number(e.target.value)])}>
          {ids.map((id) => (
            <option key={id} value={id}>
              {name(id)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={highlight.pending}
        onClick={() => highlight.show([pre], [post], `${name(pre)} → ${name(post)}`, keep)}
      >
        Show synapses in 3D
      </button>
      {highlight.error ? (
        <ErrorMessage
          error={highlight.error}
          context="Synapses for 3D failed"
          onRetry={highlight.retry}
          retrying={highlight.pending}
        />
      ) : null}
    </div>
  );
}
