/**
 * A plotly figure, loaded lazily. Pure: data and layout in, and a handle out (`onReady`) that
 * exports the current figure as SVG text or PNG of a requested size.
 */
import { useEffect, useRef, useState } from 'react';
import type { Config, Data, Layout } from 'plotly.js';
import { dataUrlToBlob } from './download.ts';
import { loadPlotly } from './load-plotly.ts';

export interface FigureHandle {
  toSvg(width: number, height: number): Promise<string>;
  toPng(width: number, height: number): Promise<Blob>;
}

interface Props {
  data: Data[];
  layout: Partial<Layout>;
  /** Accessible description of the figure. */
  label: string;
  height?: number;
  onReady?: (handle: FigureHandle | null) => void;
  /** Clicked point: x and y as in the data (e.g. column and row index of a heatmap). */
  onPointClick?: (x: unknown, y: unknown) => void;
}

const config: Partial<Config> = { displaylogo: false, responsive: true };

export function PlotlyChart({ data, layout, label, height = 420, onReady, onPointClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const el = ref.current;
    loadPlotly()
      .then(async (Plotly) => {
        if (cancelled || !el) return;
        const plot = await Plotly.react(el, data, { ...layout, height, autosize: true }, config);
        if (cancelled) return;
        plot.removeAllListeners('plotly_click');
        if (onPointClick)
          plot.on('plotly_click', (ev) => {
            const pt = ev.points[0];
            if (pt) onPointClick(pt.x, pt.y);
          });
        setReady(true);
        onReady?.({
          toSvg: async (width, h) => {
            const url = await Plotly.toImage(el, { format: 'svg', width, height: h });
            return dataUrlToBlob(url).text();
          },
          toPng: async (width, h) =>
            dataUrlToBlob(await Plotly.toImage(el, { format: 'png', width, height: h })),
        });
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [data, layout, height, onReady, onPointClick]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void loadPlotly().then((Plotly) => Plotly.purge(el));
    };
  }, []);

  return (
    <figure className="plot" aria-label={label} aria-busy={!ready}>
      {error ? (
        <p role="alert" className="inline-error">
          The chart could not be drawn: {error}
        </p>
      ) : null}
      <div ref={ref} style={{ minHeight: height }} data-plot-ready={ready ? 'true' : 'false'} />
    </figure>
  );
}
