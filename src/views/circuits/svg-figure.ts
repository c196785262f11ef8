/** An on-screen SVG figure as a standalone file of a chosen size (SVG text, or PNG). */
import { svgToPng } from '../../components/plots/download.ts';

export function serializeSvg(svg: SVGSVGElement | null, width: number, height: number): string {
  if (!svg) throw new Error('the figure is not drawn yet');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function svgPng(svg: SVGSVGElement | null, width: number, height: number): Promise<Blob> {
  return svgToPng(serializeSvg(svg, width, height), width, height);
}
