/** The column chooser of the search results' optional fact columns. */
import { useId, useState } from 'react';
import { SEARCH_FACTS } from './search-fact-columns.tsx';
import './search-facts.css';

interface Props {
  chosen: readonly string[];
  onToggle: (id: string, on: boolean) => void;
}

export function SearchFactsPicker({ chosen, onToggle }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="search-facts-picker">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen((o) => !o)}
      >
        Fact columns{chosen.length > 0 ? ` (${chosen.length})` : ''}
      </button>
      {open ? (
        <fieldset
          id={`${id}-body`}
          // It opens over the table: Escape closes it, as a menu would.
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <legend>Fact columns of the results</legend>
          {SEARCH_FACTS.map((f) => (
            <label key={f.id}>
              <input
                type="checkbox"
                checked={chosen.includes(f.id)}
                onChange={(e) => onToggle(f.id, e.target.checked)}
              />
              {f.label}
            </label>
          ))}
          <p className="hint">
            From skeleton summaries, fetched for the rows on screen. Nodes, cable, created and last
            edited are always shown. Facts that load each skeleton (branch points, soma, synapses)
            or review status are not computed for search results: more facts in the selection panel
            (Neuron facts).
          </p>
        </fieldset>
      ) : null}
    </div>
  );
}
