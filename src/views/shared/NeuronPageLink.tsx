/**
 * "Open neuron page for <name>": a real link to `?view=neuron&skid=N` (so a middle click or
 * "open in new tab" works) whose plain click switches views in place through the URL store, as a
 * history entry (Back returns to where the user was). Used wherever a neuron name is shown.
 */
import type { MouseEvent, ReactNode } from 'react';
import { serializeUrlState, type UrlState } from '../../state/url-state.ts';
import { useUrlStore } from '../../state/url-store.ts';

/** The URL state of the neuron page for one skeleton, keeping project and selection. */
export function neuronPageState(state: UrlState, skeletonId: number): UrlState {
  return { ...state, view: 'neuron', neuron: { skid: String(skeletonId), asOf: '' } };
}

interface Props {
  skeletonId: number;
  /** The neuron's name (or a placeholder while it loads), for the accessible name. */
  name: string;
  /** What the link shows; the name when absent. */
  children?: ReactNode;
  className?: string;
}

export function NeuronPageLink({ skeletonId, name, children, className }: Props) {
  const update = useUrlStore((s) => s.update);
  const href = useUrlStore((s) => serializeUrlState(neuronPageState(s.state, skeletonId)));
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    update((s) => neuronPageState(s, skeletonId), 'push');
  };
  return (
    <a
      href={href || '?'}
      className={['neuron-page-link', className].filter(Boolean).join(' ')}
      aria-label={`Open neuron page for ${name}`}
      title={`Open neuron page for ${name}`}
      onClick={open}
    >
      {children ?? name}
    </a>
  );
}
