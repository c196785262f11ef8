/**
 * What the legend says, computed once and drawn three ways (on screen, into the PNG, into the
 * SVG) so the figure and the screen always agree. The colour part comes from the mode's entry
 * in the colour-mode registry; the markers are shared by all modes.
 */
import { colourModeDef, type ColourMode } from '../colour-modes/registry.ts';
import type { LegendEntry, LegendGradient, ModeLegendInput } from '../colour-modes/types.ts';
import type { Rgb } from '../geometry/colour-modes.ts';
import { HIGHLIGHT_MARKER_COLOUR, POST_COLOUR, PRE_COLOUR } from './marker-colours.ts';

export interface LegendModel {
  title: string;
  entries: LegendEntry[];
  /** Entries left out of a long list ("+ 180 more neurons"). */
  more: string | null;
  /** Continuous ramp for depth: colours from low to high, with end labels. */
  gradient: LegendGradient | null;
  markers: LegendEntry[];
}

export interface LegendInput extends ModeLegendInput {
  mode: ColourMode;
  showPre: boolean;
  showPost: boolean;
  connectorHighlight: string | null;
  /** Neurons drawn dimmed for context (e.g. a highlighted partner not in the selection). */
  context?: { label: string; rgb: Rgb } | null;
  maxEntries?: number;
}

export function buildLegend(input: LegendInput): LegendModel {
  const max = input.maxEntries ?? 12;
  const def = colourModeDef(input.mode);
  const { entries, unit, gradient } = def.legend(input);
  const total = entries.length;
  const markers: LegendEntry[] = [];
  if (input.showPre) markers.push({ label: 'presynaptic site', rgb: PRE_COLOUR, shape: 'dot' });
  if (input.showPost) markers.push({ label: 'postsynaptic site', rgb: POST_COLOUR, shape: 'dot' });
  if (input.context) markers.push({ ...input.context, shape: 'line' });
  if (input.connectorHighlight) {
    markers.push({ label: input.connectorHighlight, rgb: HIGHLIGHT_MARKER_COLOUR, shape: 'dot' });
  }
  return {
    title: def.label,
    entries: entries.slice(0, max),
    more: total > max ? `+ ${total - max} more ${unit}` : null,
    gradient,
    markers,
  };
}
