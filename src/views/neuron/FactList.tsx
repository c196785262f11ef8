/** A section's facts as a description list (the CSV export writes the same list). */
import type { Fact } from '../../analysis/neuron/facts-csv.ts';

export function FactList({ facts, label }: { facts: readonly Fact[]; label: string }) {
  return (
    <dl className="fact-list" aria-label={label}>
      {facts.map((f) => (
        <div key={f.key}>
          <dt>{f.label}</dt>
          <dd data-fact={f.key}>{f.shown}</dd>
        </div>
      ))}
    </dl>
  );
}
