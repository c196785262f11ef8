/** One neuron as an SVG group: simplified polylines merged per colour, soma circle, connectors. */
import { RELATION, type SkeletonDetail } from '../../api/skeleton-detail.ts';
import type { Rgb } from '../geometry/colour-modes.ts';
import { type ColourContext, nodeColourFn } from './node-colours.ts';
import type { Projector } from './projector.ts';
import { simplifyPolyline, treePaths } from './simplify.ts';
import { escapeXml, fmt } from './svg-text.ts';

export interface SvgNeuron {
  skeletonId: number;
  name: string;
  detail: SkeletonDetail;
  strahler: Uint8Array;
  /** Epoch ms per node, for the creation-time mode. */
  creationTimes?: Float64Array;
  reviewCodes?: Uint8Array;
  rgb: Rgb;
  opacity: number;
  somaIndex: number;
  somaRadiusNm: number;
}

export interface NeuronSvgOptions {
  tolerancePx: number;
  lineWidthPx: number;
  showPre: boolean;
  showPost: boolean;
  connectorRadiusPx: number;
  preHex: string;
  postHex: string;
}

function inView(xy: number[], p: Projector, margin: number): boolean {
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i] ?? 0;
    const y = xy[i + 1] ?? 0;
    if (x >= -margin && y >= -margin && x <= p.width + margin && y <= p.height + margin)
      return true;
  }
  return false;
}

/** Absolute start, then relative steps on a 0.1 px grid (no drift, about half the bytes). */
export function pathData(xy: readonly number[]): string {
  const q = (v: number) => Math.round(v * 10);
  let px = q(xy[0] ?? 0);
  let py = q(xy[1] ?? 0);
  let d = `M${px / 10} ${py / 10}l`;
  for (let i = 2; i < xy.length; i += 2) {
    const x = q(xy[i] ?? 0);
    const y = q(xy[i + 1] ?? 0);
    const dx = (x - px) / 10;
    const dy = (y - py) / 10;
    d += `${i > 2 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
    px = x;
    py = y;
  }
  return d;
}

export function neuronSvg(
  n: SvgNeuron,
  p: Projector,
  ctx: ColourContext,
  o: NeuronSvgOptions,
): string {
  const d = n.detail;
  const colourOf = nodeColourFn(ctx, n.rgb, d, n.strahler, n.creationTimes, n.reviewCodes);
  const byColour = new Map<string, string[]>();
  const emit = (colour: string, xy: number[]) => {
    if (xy.length < 4) return;
    const simplified = simplifyPolyline(xy, o.tolerancePx);
    if (!inView(simplified, p, 10)) return;
    let list = byColour.get(colour);
    if (!list) byColour.set(colour, (list = []));
    list.push(pathData(simplified));
  };
  for (const path of treePaths(d.parentIndex)) {
    let xy: number[] = [];
    let colour = '';
    for (let k = 0; k < path.length; k++) {
      const node = path[k] ?? 0;
      const q = p.project(
        d.positions[node * 3] ?? 0,
        d.positions[node * 3 + 1] ?? 0,
        d.positions[node * 3 + 2] ?? 0,
      );
      if (!q) {
        emit(colour, xy);
        xy = [];
        continue;
      }
      // The edge from this node to its parent takes this node's colour.
      const c = k < path.length - 1 ? colourOf(node) : colour;
      if (c !== colour && xy.length > 0) {
        xy.push(q[0], q[1]);
        emit(colour, xy);
        xy = [];
      }
      colour = c;
      xy.push(q[0], q[1]);
    }
    emit(colour, xy);
  }
  const parts: string[] = [];
  const opacity = n.opacity < 1 ? ` stroke-opacity="${fmt(n.opacity)}"` : '';
  for (const [colour, paths] of byColour) {
    parts.push(`<path d="${paths.join('')}" stroke="${colour}"${opacity}/>`);
  }
  const c = d.connectors;
  const dots: Record<'pre' | 'post', string[]> = { pre: [], post: [] };
  for (let i = 0; i < c.relations.length; i++) {
    const rel = c.relations[i];
    const kind =
      rel === RELATION.presynaptic ? 'pre' : rel === RELATION.postsynaptic ? 'post' : null;
    if (!kind || (kind === 'pre' && !o.showPre) || (kind === 'post' && !o.showPost)) continue;
    const q = p.project(
      c.positions[i * 3] ?? 0,
      c.positions[i * 3 + 1] ?? 0,
      c.positions[i * 3 + 2] ?? 0,
    );
    if (!q || q[0] < 0 || q[1] < 0 || q[0] > p.width || q[1] > p.height) continue;
    dots[kind].push(
      `<circle cx="${fmt(q[0])}" cy="${fmt(q[1])}" r="${fmt(o.connectorRadiusPx)}"/>`,
    );
  }
  if (dots.pre.length)
    parts.push(`<g class="presynaptic" fill="${o.preHex}" stroke="none">${dots.pre.join('')}</g>`);
  if (dots.post.length)
    parts.push(
      `<g class="postsynaptic" fill="${o.postHex}" stroke="none">${dots.post.join('')}</g>`,
    );
  if (n.somaIndex >= 0) {
    const s = n.somaIndex;
    const [x, y, z] = [
      d.positions[s * 3] ?? 0,
      d.positions[s * 3 + 1] ?? 0,
      d.positions[s * 3 + 2] ?? 0,
    ];
    const q = p.project(x, y, z);
    if (q) {
      const r = Math.max(n.somaRadiusNm * p.pxPerNm(x, y, z), 1);
      parts.push(
        `<circle class="soma" cx="${fmt(q[0])}" cy="${fmt(q[1])}" r="${fmt(r)}" fill="${colourOf(s)}" stroke="none"/>`,
      );
    }
  }
  return (
    `<g id="${n.skeletonId}" class="neuron" data-skeleton-id="${n.skeletonId}" stroke-width="${fmt(o.lineWidthPx)}">` +
    `<title>${escapeXml(n.name)}</title>${parts.join('')}</g>`
  );
}
