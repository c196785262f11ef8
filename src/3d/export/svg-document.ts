/**
 * The SVG figure: a 2D vector projection of the current view. Volumes (filled, translucent),
 * then one group per neuron (id = skeleton id, <title> = name), highlighted synapses, scale bar
 * and legend. Paths are simplified to sub-pixel tolerance so hundreds of neurons stay a few MB.
 */
import { rgbToHex, type Rgb } from '../geometry/colour-modes.ts';
import type { LegendModel } from './legend-model.ts';
import { HIGHLIGHT_MARKER_COLOUR, POST_COLOUR, PRE_COLOUR } from './marker-colours.ts';
import type { ColourContext } from './node-colours.ts';
import { niceScaleBar, type Projector } from './projector.ts';
import { neuronSvg, type SvgNeuron } from './svg-neurons.ts';
import { escapeXml, fmt } from './svg-text.ts';
import { legendSvg } from './svg-legend.ts';

export interface SvgVolume {
  name: string;
  positions: Float32Array;
  indices: Uint32Array;
  rgb: Rgb;
  opacity: number;
}

export interface SvgFigureInput {
  projector: Projector;
  neurons: SvgNeuron[];
  colour: ColourContext;
  volumes: SvgVolume[];
  showPre: boolean;
  showPost: boolean;
  /** Highlighted synapse positions, xyz nm. */
  markers: Float32Array;
  /** Marker radius in figure px (the view's marker size / 2); default 4. */
  markerRadius?: number;
  background: 'transparent' | 'white' | 'black';
  /** Scale bar at the orbit target; null = none. */
  scaleBarAt: [number, number, number] | null;
  legend: LegendModel | null;
  title: string;
  tolerancePx?: number;
}

function volumeSvg(v: SvgVolume, p: Projector): string {
  let d = '';
  const pos = v.positions;
  const idx = v.indices;
  const corner = (i: number) =>
    p.project(pos[i * 3] ?? 0, pos[i * 3 + 1] ?? 0, pos[i * 3 + 2] ?? 0);
  for (let t = 0; t + 2 < idx.length; t += 3) {
    const a = corner(idx[t] ?? 0);
    const b = corner(idx[t + 1] ?? 0);
    const c = corner(idx[t + 2] ?? 0);
    if (!a || !b || !c) continue;
    const area = Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]));
    if (area < 0.05) continue;
    d += `M${fmt(a[0])} ${fmt(a[1])}L${fmt(b[0])} ${fmt(b[1])}L${fmt(c[0])} ${fmt(c[1])}Z`;
  }
  // One path: overlapping triangles fill once (nonzero rule), so the opacity is uniform.
  return `<path class="volume" fill="${rgbToHex(v.rgb)}" fill-opacity="${fmt(v.opacity)}" fill-rule="nonzero" stroke="none" d="${d}"><title>${escapeXml(v.name)}</title></path>`;
}

function scaleBarSvg(p: Projector, at: [number, number, number], ink: string): string {
  const bar = niceScaleBar(p.pxPerNm(...at), p.width / 6);
  if (!bar) return '';
  const x = 24;
  const y = p.height - 24;
  return (
    `<g id="scale-bar" stroke="${ink}" fill="${ink}">` +
    `<line x1="${x}" y1="${y}" x2="${fmt(x + bar.px)}" y2="${y}" stroke-width="3"/>` +
    `<text x="${fmt(x + bar.px / 2)}" y="${y - 8}" text-anchor="middle" stroke="none" font-family="Helvetica, Arial, sans-serif" font-size="14">${escapeXml(bar.label)}</text></g>`
  );
}

export function buildSvgFigure(f: SvgFigureInput): string {
  const p = f.projector;
  const ink = f.background === 'black' ? '#ffffff' : '#000000';
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}">`,
    `<title>${escapeXml(f.title)}</title>`,
  ];
  if (f.background !== 'transparent') {
    out.push(
      `<rect id="background" width="100%" height="100%" fill="${f.background === 'black' ? '#000000' : '#ffffff'}"/>`,
    );
  }
  if (f.volumes.length)
    out.push(`<g id="volumes">${f.volumes.map((v) => volumeSvg(v, p)).join('')}</g>`);
  const opts = {
    tolerancePx: f.tolerancePx ?? 0.5,
    lineWidthPx: 1,
    showPre: f.showPre,
    showPost: f.showPost,
    connectorRadiusPx: 2,
    preHex: rgbToHex(PRE_COLOUR),
    postHex: rgbToHex(POST_COLOUR),
  };
  out.push(
    `<g id="neurons" fill="none" stroke-linecap="round" stroke-linejoin="round">`,
    ...f.neurons.map((n) => neuronSvg(n, p, f.colour, opts)),
    `</g>`,
  );
  if (f.markers.length) {
    const dots: string[] = [];
    for (let i = 0; i + 2 < f.markers.length; i += 3) {
      const q = p.project(f.markers[i] ?? 0, f.markers[i + 1] ?? 0, f.markers[i + 2] ?? 0);
      if (q)
        dots.push(`<circle cx="${fmt(q[0])}" cy="${fmt(q[1])}" r="${fmt(f.markerRadius ?? 4)}"/>`);
    }
    out.push(
      `<g id="highlighted-synapses" fill="${rgbToHex(HIGHLIGHT_MARKER_COLOUR)}" stroke="#000000" stroke-width="0.5">${dots.join('')}</g>`,
    );
  }
  if (f.scaleBarAt) out.push(scaleBarSvg(p, f.scaleBarAt, ink));
  if (f.legend) out.push(legendSvg(f.legend, p.width, ink));
  out.push('</svg>');
  return out.join('\n');
}
