/** A lazily loaded plotly chart with its SVG / PNG (and optional CSV) export bar. */
import { useState } from 'react';
import type { Data, Layout } from 'plotly.js';
import { ExportBar } from './ExportBar.tsx';
import { PlotlyChart, type FigureHandle } from './PlotlyChart.tsx';

interface Props {
  name: string;
  fileBase: string;
  data: Data[];
  layout: Partial<Layout>;
  height?: number;
  csv?: () => string;
}

export function ExportableChart({ name, fileBase, data, layout, height, csv }: Props) {
  const [figure, setFigure] = useState<FigureHandle | null>(null);
  const notYet = () => Promise.reject(new Error('the chart is not drawn yet'));
  return (
    <div className="exportable-chart">
      <ExportBar
        name={name}
        fileBase={fileBase}
        disabled={!figure}
        actions={{
          svg: (w, h) => (figure ? figure.toSvg(w, h) : notYet()),
          png: (w, h) => (figure ? figure.toPng(w, h) : notYet()),
          ...(csv ? { csv } : {}),
        }}
      />
      <PlotlyChart label={name} data={data} layout={layout} height={height} onReady={setFigure} />
    </div>
  );
}
