/** Start / end date fields (typed as text so any input can be checked and explained inline). */
import { useState } from 'react';
import { rangeProblem, type DateRange } from './date-range.ts';

interface Props {
  value: DateRange;
  onApply: (range: DateRange) => void;
  busy: boolean;
}

export function DateRangeForm({ value, onApply, busy }: Props) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="partner-controls"
      aria-label="Date range"
      onSubmit={(e) => {
        e.preventDefault();
        const p = rangeProblem(draft.start, draft.end);
        setProblem(p);
        if (!p) onApply({ start: draft.start.trim(), end: draft.end.trim() });
      }}
    >
      <label>
        From (YYYY-MM-DD)
        <input
          type="text"
          inputMode="numeric"
          value={draft.start}
          onChange={(e) => setDraft((d) => ({ ...d, start: e.target.value }))}
        />
      </label>
      <label>
        To (YYYY-MM-DD)
        <input
          type="text"
          inputMode="numeric"
          value={draft.end}
          onChange={(e) => setDraft((d) => ({ ...d, end: e.target.value }))}
        />
      </label>
      <button type="submit" disabled={busy}>
        Show
      </button>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
