/**
 * Neuron-page links for the neurons of a figure whose labels are drawn (a plotly matrix, the
 * network graph SVG): the labels themselves stay plain text so the exported figure is clean, and
 * this list under the figure opens each neuron's page.
 */
import { NeuronPageLink } from './NeuronPageLink.tsx';

interface Props {
  ids: readonly number[];
  names: ReadonlyMap<number, string>;
  /** What the neurons are, e.g. "matrix neurons". */
  what: string;
}

export function NeuronPageLinks({ ids, names, what }: Props) {
  if (ids.length === 0) return null;
  return (
    <details className="neuron-page-links">
      <summary>Neuron pages of the {what}</summary>
      <nav aria-label={`Neuron pages of the ${what}`}>
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <NeuronPageLink skeletonId={id} name={names.get(id) ?? `skeleton ${id}`} />
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
