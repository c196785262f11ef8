/**
 * With a compartment chosen, the matrix counts only synapses on that compartment of one side of
 * each pair: of the postsynaptic (column) neuron, "onto the dendrite of X", or of the
 * presynaptic (row) neuron, "from the axon of X". Says which, since both are common questions.
 */
import { useId } from 'react';
import type { MatrixSide } from '../../../analysis/compartments/compartment-matrix.ts';

const PLURAL: Record<string, string> = {
  dendrite: 'dendrites',
  axon: 'axons',
  linker: 'linkers',
  'primary-neurite': 'primary neurites',
};

export function MatrixCompartmentSide({
  compartment,
  side,
  onSide,
}: {
  compartment: string;
  side: MatrixSide;
  onSide: (side: MatrixSide) => void;
}) {
  const id = useId();
  const what = PLURAL[compartment] ?? compartment;
  return (
    <div className="source-compartment">
      <label htmlFor={id}>Compartment of the</label>{' '}
      <select
        id={id}
        value={side}
        onChange={(e) => onSide(e.target.value === 'pre' ? 'pre' : 'post')}
      >
        <option value="post">postsynaptic (column) neuron</option>
        <option value="pre">presynaptic (row) neuron</option>
      </select>
      <p role="note" className="hint">
        {side === 'post'
          ? `Counting only synapses onto the ${what} of the column neurons.`
          : `Counting only synapses made by the ${what} of the row neurons.`}
      </p>
    </div>
  );
}
