/**
 * Export buttons for one figure or table: SVG, PNG of a chosen size, CSV. Each action is async
 * and its failure is shown inline (nothing else on the page changes).
 */
import { useId, useState } from 'react';
import { downloadBlob, downloadText } from '../../lib/download.ts';

interface ExportActions {
  svg?: (width: number, height: number) => Promise<string>;
  png?: (width: number, height: number) => Promise<Blob>;
  csv?: () => string;
}

interface Props {
  /** What is exported, e.g. "matrix"; used in button names and file names. */
  name: string;
  fileBase: string;
  actions: ExportActions;
  defaultSize?: { width: number; height: number };
  disabled?: boolean;
}

export function ExportBar({ name, fileBase, actions, defaultSize, disabled }: Props) {
  const id = useId();
  const [size, setSize] = useState(defaultSize ?? { width: 1200, height: 800 });
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const { svg, png, csv } = actions;
  const clamp = (v: number) => Math.min(8000, Math.max(50, Math.round(v) || 50));
  return (
    <div className="export-bar" role="group" aria-label={`Export ${name}`}>
      {svg || png ? (
        <>
          <label htmlFor={`${id}-w`}>Width</label>
          <input
            id={`${id}-w`}
            type="number"
            min={50}
            max={8000}
            value={size.width}
            onChange={(e) => setSize((s) => ({ ...s, width: clamp(Number(e.target.value)) }))}
          />
          <label htmlFor={`${id}-h`}>Height</label>
          <input
            id={`${id}-h`}
            type="number"
            min={50}
            max={8000}
            value={size.height}
            onChange={(e) => setSize((s) => ({ ...s, height: clamp(Number(e.target.value)) }))}
          />
        </>
      ) : null}
      {svg ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() =>
            void run(async () =>
              downloadText(await svg(size.width, size.height), `${fileBase}.svg`, 'image/svg+xml'),
            )
          }
        >
          SVG
        </button>
      ) : null}
      {png ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() =>
            void run(async () =>
              downloadBlob(await png(size.width, size.height), `${fileBase}.png`),
            )
          }
        >
          PNG
        </button>
      ) : null}
      {csv ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() => void run(async () => downloadText(csv(), `${fileBase}.csv`, 'text/csv'))}
        >
          CSV
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="field-error">
          Export failed: {error}
        </span>
      ) : null}
    </div>
  );
}
