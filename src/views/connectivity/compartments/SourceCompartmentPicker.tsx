/** "Partners through the sources' …": all synapses, or only those on one compartment. */
import { useId } from 'react';
import { SOURCE_COMPARTMENTS } from '../../../state/connectivity-url.ts';

type SourceCompartment = (typeof SOURCE_COMPARTMENTS)[number];

const LABELS: Record<SourceCompartment, string> = {
  all: 'whole neurons',
  dendrite: 'dendrites',
  axon: 'axons',
  linker: 'linkers',
  'primary-neurite': 'primary neurites',
};

export function SourceCompartmentPicker({
  value,
  onChange,
}: {
  value: SourceCompartment;
  onChange: (v: SourceCompartment) => void;
}) {
  const id = useId();
  return (
    <div className="source-compartment">
      <label htmlFor={id}>Synapses on the sources&apos;</label>{' '}
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(SOURCE_COMPARTMENTS.find((c) => c === e.target.value) ?? 'all')}
      >
        {SOURCE_COMPARTMENTS.map((c) => (
          <option key={c} value={c}>
            {LABELS[c]}
          </option>
        ))}
      </select>
    </div>
  );
}
