import { useId, useState, type FormEvent } from 'react';
import type { SearchUrlState } from '../../state/url-state.ts';
import { parseNameQuery } from './name-query.ts';

interface Props {
  initial: SearchUrlState;
  onSearch: (next: Omit<SearchUrlState, 'page'>) => void;
  busy: boolean;
}

export function SearchForm({ initial, onSearch, busy }: Props) {
  const [name, setName] = useState(initial.name);
  const [caseSensitive, setCaseSensitive] = useState(initial.caseSensitive);
  const [exact, setExact] = useState(initial.exact);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseNameQuery(name, exact);
    if (parsed.kind === 'invalid') {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    onSearch({ name: name.trim(), caseSensitive, exact });
  }

  return (
    <form role="search" aria-label="Neuron search" className="search-form" onSubmit={submit}>
      <label>
        Neuron name
        <input
          type="search"
          value={name}
          placeholder="substring, or /regular expression/"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
        />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={caseSensitive}
          onChange={(e) => setCaseSensitive(e.target.checked)}
        />
        Case-sensitive
      </label>
      <label className="inline">
        <input type="checkbox" checked={exact} onChange={(e) => setExact(e.target.checked)} />
        Exact match
      </label>
      <button type="submit" disabled={busy}>
        Search
      </button>
      {problem ? (
        <p id={problemId} role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
