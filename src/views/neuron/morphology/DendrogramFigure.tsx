/** The dendrogram with its collapse-twigs control and SVG / PNG / CSV export. */
import { useRef } from 'react';
import type { Dendrogram } from '../../../analysis/morphology/dendrogram.ts';
import { dendrogramCsv } from '../../../analysis/morphology/morphology-csv.ts';
import { ExportBar } from '../../../components/plots/ExportBar.tsx';
import { svgToPng } from '../../../components/plots/download.ts';
import { DendrogramSvg, dendrogramHeight } from './DendrogramSvg.tsx';

const WIDTH = 900;

function serialize(svg: SVGSVGElement | null, width: number, height: number): string {
  if (!svg) throw new Error('the dendrogram is not drawn yet');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

interface Props {
  skeletonId: number;
  dendrogram: Dendrogram;
  originLabel: string;
}

export function DendrogramFigure({ skeletonId, dendrogram, originLabel }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const fileBase = `dendrogram-${skeletonId}`;
  return (
    <div className="morph-figure">
      <h3>Dendrogram</h3>
      <ExportBar
        name="dendrogram"
        fileBase={fileBase}
        defaultSize={{ width: WIDTH, height: dendrogramHeight(dendrogram) }}
        actions={{
          svg: async (w, h) => serialize(svgRef.current, w, h),
          png: async (w, h) => svgToPng(serialize(svgRef.current, w, h), w, h),
          csv: () => dendrogramCsv(dendrogram),
        }}
      />
      <div className="morph-dendrogram">
        <DendrogramSvg
          dendrogram={dendrogram}
          originLabel={originLabel}
          width={WIDTH}
          svgRef={svgRef}
        />
      </div>
    </div>
  );
}
