/**
 * The Neuron view (`view=neuron&skid=N`): everything about one neuron and how far to trust it.
 * This wrapper reads the URL and says plainly what is wrong with a missing or garbled `skid`,
 * with a box to open a neuron by its skeleton id; NeuronPage does the rest.
 */
import { useId, useState, type FormEvent } from 'react';
import { neuronTarget } from '../../state/neuron-url.ts';
import { useUrlStore } from '../../state/url-store.ts';
import { NeuronPage } from './NeuronPage.tsx';
import '../connectivity/connectivity.css';
import './neuron.css';

function OpenBySkeletonId() {
  const id = useId();
  const update = useUrlStore((s) => s.update);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const skid = text.trim();
    update((s) => ({ ...s, view: 'neuron', neuron: { skid, asOf: '' } }), 'push');
  };
  return (
    <form className="neuron-open" onSubmit={submit}>
      <label htmlFor={id}>Skeleton id</label>
      <input id={id} inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={text.trim() === ''}>
        Open neuron
      </button>
    </form>
  );
}

export function NeuronView() {
  const skid = useUrlStore((s) => s.state.neuron.skid);
  const target = neuronTarget(skid);
  return (
    <div className="view neuron-view">
      {target.kind === 'ok' ? (
        <NeuronPage key={target.skeletonId} skeletonId={target.skeletonId} />
      ) : (
        <section className="stats-section" aria-labelledby="neuron-none-title">
          <h1 id="neuron-none-title">Neuron</h1>
          <p role="status" className="empty-note">
            {target.kind === 'missing'
              ? 'No neuron chosen. Open one from a neuron name anywhere in the dashboard, or by its skeleton id:'
              : `"${target.text}" is not a skeleton id (a positive whole number). Open a neuron by its skeleton id:`}
          </p>
          <OpenBySkeletonId />
        </section>
      )}
    </div>
  );
}
