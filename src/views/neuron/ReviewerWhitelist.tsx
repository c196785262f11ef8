/**
 * The reviewer whitelist as checkboxes, one per user who reviewed this neuron or is on the
 * list: checked = their reviews count. "Count everyone" clears the list (CATMAID's union).
 * Remembered per server (state/reviewer-whitelist.ts), so it applies to every neuron.
 */
import { useReviewerWhitelist } from '../../state/reviewer-whitelist.ts';

interface Props {
  server: string;
  candidates: readonly number[];
  whitelist: ReadonlySet<number> | null;
  userName: (id: number) => string;
}

export function ReviewerWhitelist({ server, candidates, whitelist, userName }: Props) {
  const setList = useReviewerWhitelist((s) => s.set);
  const toggle = (id: number, on: boolean) => {
    const current = whitelist ?? new Set(candidates);
    const next = new Set(current);
    if (on) next.add(id);
    else next.delete(id);
    setList(server, [...next]);
  };
  return (
    <fieldset className="reviewer-whitelist">
      <legend>
        Reviewer whitelist:{' '}
        {whitelist === null ? "everyone's reviews count" : `${whitelist.size} reviewers count`}
      </legend>
      {candidates.map((id) => (
        <label key={id}>
          <input
            type="checkbox"
            checked={whitelist === null || whitelist.has(id)}
            onChange={(e) => toggle(id, e.target.checked)}
          />
          Count reviews by {userName(id)}
        </label>
      ))}
      <button type="button" disabled={whitelist === null} onClick={() => setList(server, null)}>
        Count everyone
      </button>
    </fieldset>
  );
}
