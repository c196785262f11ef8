import { useState } from 'react';
import { MAX_PNG_WIDTH } from '../../3d/export/png-export.ts';
import { downloadBlob } from '../../lib/download.ts';
import {
  exportConnectorsCsv,
  exportNodesCsv,
  exportPng,
  exportSvg,
  exportSwc,
  type Background,
  type ExportContext,
} from './figure-export.ts';
import { fileStamp } from '../../lib/format.ts';

/** Figure (PNG, SVG) and data (SWC, CSV) export of what the view shows. */
export function ExportPanel({
  context,
  complete,
  disabled,
}: {
  context: () => ExportContext;
  /** Makes sure the shown neurons carry connectors and tags (complete-for-export.ts). */
  complete: () => Promise<void>;
  disabled: boolean;
}) {
  const [width, setWidth] = useState(3000);
  const [background, setBackground] = useState<Background>('white');
  const [scaleBar, setScaleBar] = useState(true);
  const [legend, setLegend] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const validWidth = Number.isInteger(width) && width >= 256 && width <= MAX_PNG_WIDTH;

  const run = async (label: string, fn: () => Promise<void> | void) => {
    setBusy(label);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };
  const figure = { background, scaleBar, legend };

  return (
    <section aria-label="Export" className="viewer3d-export">
      <h2>Export</h2>
      <label>
        PNG width (px){' '}
        <input
          type="number"
          min={256}
          max={MAX_PNG_WIDTH}
          step={1}
          value={width}
          aria-invalid={!validWidth}
          onChange={(e) => setWidth(Math.round(Number(e.target.value)))}
        />
      </label>
      {!validWidth ? <p className="field-error">Width must be 256–{MAX_PNG_WIDTH} px.</p> : null}
      <label>
        Figure background{' '}
        <select value={background} onChange={(e) => setBackground(e.target.value as Background)}>
          <option value="white">White</option>
          <option value="black">Black</option>
          <option value="transparent">Transparent</option>
        </select>
      </label>
      <label className="toggle">
        <input type="checkbox" checked={scaleBar} onChange={(e) => setScaleBar(e.target.checked)} />
        Include scale bar
      </label>
      <label className="toggle">
        <input type="checkbox" checked={legend} onChange={(e) => setLegend(e.target.checked)} />
        Include legend
      </label>
      <div className="export-buttons">
        <button
          type="button"
          disabled={disabled || busy !== null || !validWidth}
          onClick={() =>
            void run('PNG export', async () =>
              downloadBlob(
                await exportPng(context(), width, figure),
                `catmaid-figure-${fileStamp(Date.now())}.png`,
              ),
            )
          }
        >
          Export PNG
        </button>
        <button
          type="button"
          disabled={disabled || busy !== null}
          onClick={() =>
            void run('SVG export', () =>
              downloadBlob(
                new Blob([exportSvg(context(), figure)], { type: 'image/svg+xml' }),
                `catmaid-figure-${fileStamp(Date.now())}.svg`,
              ),
            )
          }
        >
          Export SVG
        </button>
        <button
          type="button"
          disabled={disabled || busy !== null}
          onClick={() =>
            void run('SWC export', async () => {
              await complete();
              const { blob, filename } = exportSwc(context());
              downloadBlob(blob, filename);
            })
          }
        >
          Export SWC
        </button>
        <button
          type="button"
          disabled={disabled || busy !== null}
          onClick={() =>
            void run('Node table export', async () => {
              await complete();
              downloadBlob(
                new Blob([exportNodesCsv(context())], { type: 'text/csv' }),
                `nodes-${fileStamp(Date.now())}.csv`,
              );
            })
          }
        >
          Export node table (CSV)
        </button>
        <button
          type="button"
          disabled={disabled || busy !== null}
          onClick={() =>
            void run('Connector table export', async () => {
              await complete();
              downloadBlob(
                new Blob([exportConnectorsCsv(context())], { type: 'text/csv' }),
                `connectors-${fileStamp(Date.now())}.csv`,
              );
            })
          }
        >
          Export connector table (CSV)
        </button>
      </div>
      {busy ? <p role="status">{busy}…</p> : null}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
