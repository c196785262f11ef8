import { rgbToHex } from '../../3d/geometry/colour-modes.ts';
import type { LegendModel } from '../../3d/export/legend-model.ts';
import { MARKER_SIZE_RANGE } from '../../state/viewer-url.ts';

/** The on-screen legend (the same model the PNG and SVG exports draw). */
export function LegendPanel({
  legend,
  onClearHighlight,
  markerSize,
  onMarkerSize,
}: {
  legend: LegendModel;
  onClearHighlight: (() => void) | null;
  markerSize: number;
  onMarkerSize(px: number): void;
}) {
  const g = legend.gradient;
  return (
    <section aria-label="Legend" className="viewer3d-legend">
      <h2>{legend.title}</h2>
      <ul>
        {[...legend.entries, ...legend.markers].map((e) => (
          <li key={`${e.shape}|${e.label}`}>
            <span
              className={e.shape === 'dot' ? 'swatch-dot' : 'swatch-line'}
              style={{ background: rgbToHex(e.rgb) }}
              aria-hidden="true"
            />
            <span className="legend-label">{e.label}</span>
          </li>
        ))}
      </ul>
      {legend.more ? <p className="legend-more">{legend.more}</p> : null}
      {g ? (
        <div className="legend-gradient">
          <span
            className="ramp"
            aria-hidden="true"
            style={{
              background: `linear-gradient(to right, ${g.stops.map((s) => rgbToHex(s)).join(', ')})`,
            }}
          />
          <span className="ramp-labels">
            <span>{g.from}</span>
            <span>{g.to}</span>
          </span>
        </div>
      ) : null}
      {onClearHighlight ? (
        <div className="legend-highlight-controls">
          <label>
            Synapse marker size{' '}
            <input
              type="range"
              min={MARKER_SIZE_RANGE[0]}
              max={MARKER_SIZE_RANGE[1]}
              step={1}
              value={markerSize}
              onChange={(e) => onMarkerSize(Number(e.target.value))}
            />
          </label>
          <button type="button" onClick={onClearHighlight}>
            Clear synapse highlight
          </button>
        </div>
      ) : null}
    </section>
  );
}
