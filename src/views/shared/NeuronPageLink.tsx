/**
 * "Open neuron page for <name>": a real link to `?view=neuron&pid=P&skid=N` (so a middle click or
 * "open in new tab" works) whose plain click switches views in place through the URL store, as a
 * history entry (Back returns to where the user was), keeping everything else in the URL. The
 * href holds only the project and skeleton: serialising the whole URL state (a selection of
 * thousands) in every visible table row on every URL change would cost far too much, and a new
 * tab gets the selection from localStorage anyway. Used wherever a neuron name is shown.
 */
import type { MouseEvent, ReactNode } from 'react';
import { useUrlStore } from '../../state/url-store.ts';
import { neuronPageHref, neuronPageState } from './neuron-page-href.ts';

interface Props {
  skeletonId: number;
  /** The neuron's name (or a placeholder while it loads), for the accessible name. */
  name: string;
  /** What the link shows; the name when absent. */
  children?: ReactNode;
  /**
   * Show only an icon, drawn by CSS (`.page-link-icon::after`), so the row's text (what tests,
   * copy and paste and the table's text reading see) stays exactly the name.
   */
  icon?: boolean;
  className?: string;
}

export function NeuronPageLink({ skeletonId, name, children, className, icon }: Props) {
  const update = useUrlStore((s) => s.update);
  const projectId = useUrlStore((s) => s.state.projectId);
  const href = neuronPageHref(projectId, skeletonId);
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    update((s) => neuronPageState(s, skeletonId), 'push');
  };
  return (
    <a
      href={href || '?'}
      className={['neuron-page-link', icon ? 'page-link-icon' : '', className]
        .filter(Boolean)
        .join(' ')}
      aria-label={`Open neuron page for ${name}`}
      title={`Open neuron page for ${name}`}
      onClick={open}
    >
      {icon ? null : (children ?? name)}
    </a>
  );
}
