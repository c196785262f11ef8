/**
 * What the legend says, computed once and drawn three ways (on screen, into the PNG, into the
 * SVG) so the figure and the screen always agree.
 */
import {
  COLOUR_MODE_LABELS,
  depthColor,
  hexToRgb,
  strahlerColor,
  type ColourMode,
  type Rgb,
} from '../geometry/colour-modes.ts';
import { HIGHLIGHT_MARKER_COLOUR, POST_COLOUR, PRE_COLOUR } from './marker-colours.ts';

export interface LegendEntry {
  label: string;
  rgb: Rgb;
  /** Drawn as a dot (connectors, markers) instead of a line swatch. */
  shape: 'line' | 'dot';
}

export interface LegendModel {
  title: string;
  entries: LegendEntry[];
  /** Entries left out of a long list ("+ 180 more neurons"). */
  more: string | null;
  /** Continuous ramp for depth: colours from low to high, with end labels. */
  gradient: { stops: Rgb[]; from: string; to: string } | null;
  markers: LegendEntry[];
}

export interface LegendInput {
  mode: ColourMode;
  neurons: { skeletonId: number; name: string; color: string }[];
  /** The selection's annotation-group legend, when it colours by annotation. */
  groups: { label: string; color: string }[] | null;
  creators: { login: string; rgb: Rgb }[];
  maxStrahler: number;
  zRangeNm: [number, number] | null;
  showPre: boolean;
  showPost: boolean;
  connectorHighlight: string | null;
  maxEntries?: number;
}

const um = (nm: number) =>
  `${(nm / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} µm`;

export function buildLegend(input: LegendInput): LegendModel {
  const max = input.maxEntries ?? 12;
  let entries: LegendEntry[] = [];
  let gradient: LegendModel['gradient'] = null;
  let unit = 'neurons';
  switch (input.mode) {
    case 'selection':
      if (input.groups) {
        entries = input.groups.map((g) => ({
          label: g.label,
          rgb: hexToRgb(g.color),
          shape: 'line',
        }));
        unit = 'groups';
      } else {
        entries = input.neurons.map((n) => ({
          label: n.name,
          rgb: hexToRgb(n.color),
          shape: 'line',
        }));
      }
      break;
    case 'creator':
      entries = input.creators.map((c) => ({ label: c.login, rgb: c.rgb, shape: 'line' }));
      unit = 'users';
      break;
    case 'strahler':
      for (let o = input.maxStrahler; o >= 1; o--) {
        entries.push({
          label: `order ${o}`,
          rgb: strahlerColor(o, input.maxStrahler),
          shape: 'line',
        });
      }
      unit = 'orders';
      break;
    case 'depth':
      if (input.zRangeNm) {
        gradient = {
          stops: [0, 0.25, 0.5, 0.75, 1].map((t) => depthColor(t)),
          from: `z ${um(input.zRangeNm[0])}`,
          to: `z ${um(input.zRangeNm[1])}`,
        };
      }
      break;
  }
  const total = entries.length;
  const markers: LegendEntry[] = [];
  if (input.showPre) markers.push({ label: 'presynaptic site', rgb: PRE_COLOUR, shape: 'dot' });
  if (input.showPost) markers.push({ label: 'postsynaptic site', rgb: POST_COLOUR, shape: 'dot' });
  if (input.connectorHighlight) {
    markers.push({ label: input.connectorHighlight, rgb: HIGHLIGHT_MARKER_COLOUR, shape: 'dot' });
  }
  return {
    title: COLOUR_MODE_LABELS[input.mode],
    entries: entries.slice(0, max),
    more: total > max ? `+ ${total - max} more ${unit}` : null,
    gradient,
    markers,
  };
}
