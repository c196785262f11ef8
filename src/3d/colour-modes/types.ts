/**
 * What one 3D colour mode must provide, so the GPU (a GLSL snippet), the vector export (a CPU
 * colour per node) and the legend (on screen, PNG, SVG) can never disagree or miss a mode.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import type { Rgb } from '../geometry/colour-modes.ts';

export interface LegendEntry {
  label: string;
  rgb: Rgb;
  /** Drawn as a dot (connectors, markers) instead of a line swatch. */
  shape: 'line' | 'dot';
}

export interface LegendGradient {
  stops: Rgb[];
  from: string;
  to: string;
}

/** What the CPU colour of every mode may read besides the node itself. */
export interface ModeColourContext {
  userRgb: ReadonlyMap<number, Rgb>;
  maxStrahler: number;
  zRange: [number, number];
  /** Oldest and newest node creation time (epoch ms) of the loaded neurons, once known. */
  timeRange?: [number, number] | null;
}

export interface NodeColourInput {
  neuronRgb: Rgb;
  detail: SkeletonDetail;
  /** Strahler order per node. */
  strahler: Uint8Array;
  /** Epoch ms per node (NaN = unknown), once fetched for the creation-time mode. */
  creationTimes?: Float64Array;
  /** Review code per node (review-codes.ts), once fetched for the review mode. */
  reviewCodes?: Uint8Array;
}

/** Whose reviews count in the review mode's legend. */
export interface ReviewLegendInput {
  /** Logins of the whitelisted reviewers; null = everyone's reviews count. */
  reviewers: string[] | null;
  /** Neurons whose reviews are in the drawing, of `total`. */
  coded: number;
  total: number;
}

export interface ModeLegendInput {
  neurons: { skeletonId: number; name: string; color: string }[];
  /** The selection's annotation-group legend, when it colours by annotation. */
  groups: { label: string; color: string }[] | null;
  creators: { login: string; rgb: Rgb }[];
  maxStrahler: number;
  zRangeNm: [number, number] | null;
  /** Oldest and newest node creation time (epoch ms), null until fetched. */
  timeRangeMs?: [number, number] | null;
  review?: ReviewLegendInput | null;
}

interface ModeLegend {
  entries: LegendEntry[];
  /** What the entries are, for "+ 12 more <unit>". */
  unit: string;
  gradient: LegendGradient | null;
}

export interface ColourModeDef<Id extends string = string> {
  id: Id;
  label: string;
  /** The value of the `uMode` uniform that selects `glsl`. */
  shaderIndex: number;
  /**
   * GLSL expression (vec3) for the colour. In scope: `s` (the neuron's palette entry, vec4),
   * `slot`, `strahler`, `creator`, `z`, `compartment`, `code` (floats; `code` is the
   * per-node code of the creation-time or review mode, whichever is active) and the shared palette uniforms.
   */
  glsl: string;
  /** The colour of node i as #rrggbb (the vector export draws exactly this). */
  nodeColour(ctx: ModeColourContext, input: NodeColourInput): (node: number) => string;
  legend(input: ModeLegendInput): ModeLegend;
}
