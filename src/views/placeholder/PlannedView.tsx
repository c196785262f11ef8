import { useSelection } from '../../state/selection-context.tsx';

/** Stands in for a view that this build does not have yet, and says so plainly. */
export function PlannedView({ title, purpose }: { title: string; purpose: string }) {
  const count = useSelection((s) => s.items.length);
  return (
    <div className="view planned-view">
      <h1>{title}</h1>
      <p>{purpose}</p>
      <p role="status">
        This view is not part of this build yet. Your selection ({count}{' '}
        {count === 1 ? 'neuron' : 'neurons'}) is kept and will open here.
      </p>
    </div>
  );
}
