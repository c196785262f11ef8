import type { ColorLegendEntry } from '../../state/selection-store.ts';
import { formatCount } from '../../lib/format.ts';

/** Group → colour, with the number of neurons in each. */
export function ColorLegend({
  title,
  entries,
}: {
  title: string;
  entries: readonly ColorLegendEntry[];
}) {
  return (
    <figure className="sel-legend" aria-label={`Legend: ${title}`}>
      <figcaption>{title}</figcaption>
      <ul>
        {entries.map((e) => (
          <li key={e.label}>
            <span
              className="sel-legend-swatch"
              style={{ background: e.color }}
              aria-hidden="true"
            />
            <span className="sel-legend-label">{e.label}</span>
            <span className="sel-legend-count">{formatCount(e.count)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
