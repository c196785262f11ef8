/**
 * The one list of 3D colour modes. Each entry carries everything a mode needs: its label, its
 * shader branch (GLSL, compiled into every layer from this list), the CPU colour used by the
 * vector export and the legend model. Adding a mode = one entry here (registry.test.ts checks
 * that every entry is complete).
 */
import {
  depthColor,
  hexToRgb,
  rgbToHex,
  strahlerColor,
  type Rgb,
} from '../geometry/colour-modes.ts';
import {
  creationTimeColor,
  formatTimeLabel,
  timeCode,
  timeCodeColor,
  UNKNOWN_TIME_RGB,
} from '../geometry/creation-time.ts';
import {
  NOT_REVIEWED_RGB,
  REVIEW_UNKNOWN_RGB,
  REVIEWED_RGB,
  reviewCodeColor,
} from '../geometry/review-codes.ts';
import type { ColourModeDef, LegendEntry } from './types.ts';
import { COMPARTMENT_RGB, nodeCompartments } from '../geometry/compartments.ts';
import { formatMicrons } from '../../lib/format.ts';

/** Depth is quantised into this many steps so SVG paths can be merged per colour. */
const DEPTH_STEPS = 32;

const line = (label: string, rgb: Rgb): LegendEntry => ({ label, rgb, shape: 'line' });
const um = (nm: number) => formatMicrons(nm, 1);

const selection = {
  id: 'selection',
  label: 'Selection colours',
  shaderIndex: 0,
  glsl: 's.rgb',
  nodeColour: (_ctx, { neuronRgb }) => {
    const hex = rgbToHex(neuronRgb);
    return () => hex;
  },
  legend: ({ groups, neurons }) =>
    groups
      ? {
          entries: groups.map((g) => line(g.label, hexToRgb(g.color))),
          unit: 'groups',
          gradient: null,
        }
      : {
          entries: neurons.map((n) => line(n.name, hexToRgb(n.color))),
          unit: 'neurons',
          gradient: null,
        },
} as const satisfies ColourModeDef<'selection'>;

const creator = {
  id: 'creator',
  label: 'Creator (user colour)',
  shaderIndex: 1,
  glsl: 'paletteAt(uUserColors, creator).rgb',
  nodeColour: (ctx, { detail }) => {
    const cache = new Map<number, string>();
    return (i) => {
      const id = detail.creatorIds[i] ?? 0;
      let c = cache.get(id);
      if (!c) cache.set(id, (c = rgbToHex(ctx.userRgb.get(id) ?? [128, 128, 128])));
      return c;
    };
  },
  legend: ({ creators }) => ({
    entries: creators.map((c) => line(c.login, c.rgb)),
    unit: 'users',
    gradient: null,
  }),
} as const satisfies ColourModeDef<'creator'>;

const strahler = {
  id: 'strahler',
  label: 'Strahler order',
  shaderIndex: 2,
  // Row 1 of the ramp texture (v = 1.5 / 3) is the Strahler ramp.
  glsl: 'texture(uRamp, vec2(clamp((strahler - 1.0) / max(uMaxStrahler - 1.0, 1.0), 0.0, 1.0), 0.5)).rgb',
  nodeColour: (ctx, { neuronRgb, strahler: orders }) => {
    const hex = Array.from({ length: 256 }, (_, o) => rgbToHex(strahlerColor(o, ctx.maxStrahler)));
    const fallback = rgbToHex(neuronRgb);
    return (i) => hex[orders[i] ?? 1] ?? fallback;
  },
  legend: ({ maxStrahler }) => {
    const entries: LegendEntry[] = [];
    for (let o = maxStrahler; o >= 1; o--) {
      entries.push(line(`order ${o}`, strahlerColor(o, maxStrahler)));
    }
    return { entries, unit: 'orders', gradient: null };
  },
} as const satisfies ColourModeDef<'strahler'>;

const depth = {
  id: 'depth',
  label: 'Depth (z)',
  shaderIndex: 3,
  // Row 0 of the ramp texture (v = 0.5 / 3) is the depth ramp.
  glsl: 'texture(uRamp, vec2(clamp((z - uZRange.x) / max(uZRange.y - uZRange.x, 1.0), 0.0, 1.0), 0.1666667)).rgb',
  nodeColour: (ctx, { neuronRgb, detail }) => {
    const [z0, z1] = ctx.zRange;
    const span = Math.max(z1 - z0, 1);
    const hex = Array.from({ length: DEPTH_STEPS }, (_, k) =>
      rgbToHex(depthColor(k / (DEPTH_STEPS - 1))),
    );
    const fallback = rgbToHex(neuronRgb);
    return (i) => {
      const t = ((detail.positions[i * 3 + 2] ?? 0) - z0) / span;
      return hex[Math.round(Math.min(Math.max(t, 0), 1) * (DEPTH_STEPS - 1))] ?? fallback;
    };
  },
  legend: ({ zRangeNm }) => ({
    entries: [],
    unit: 'neurons',
    gradient: zRangeNm
      ? {
          stops: [0, 0.25, 0.5, 0.75, 1].map((t) => depthColor(t)),
          from: `z ${um(zRangeNm[0])}`,
          to: `z ${um(zRangeNm[1])}`,
        }
      : null,
  }),
} as const satisfies ColourModeDef<'depth'>;

const glslRgb = ([r, g, b]: Rgb) =>
  `vec3(${(r / 255).toFixed(4)}, ${(g / 255).toFixed(4)}, ${(b / 255).toFixed(4)})`;
const compartmentRgb = (code: number): Rgb => COMPARTMENT_RGB[code] ?? [128, 128, 128];

const compartment = {
  id: 'compartment',
  label: 'Compartment (axon / dendrite)',
  shaderIndex: 4,
  // Codes from src/analysis/compartments; 0 (no split: no synapses) keeps the neuron colour.
  glsl: `(compartment < 0.5 ? s.rgb : compartment < 1.5 ? ${glslRgb(compartmentRgb(1))} : compartment < 2.5 ? ${glslRgb(compartmentRgb(2))} : compartment < 3.5 ? ${glslRgb(compartmentRgb(3))} : ${glslRgb(compartmentRgb(4))})`,
  nodeColour: (_ctx, { neuronRgb, detail }) => {
    const codes = nodeCompartments(detail);
    const hex = [rgbToHex(neuronRgb), ...[1, 2, 3, 4].map((c) => rgbToHex(compartmentRgb(c)))];
    return (i) => hex[codes[i] ?? 0] ?? rgbToHex(neuronRgb);
  },
  legend: () => ({
    entries: [
      line('dendrite', compartmentRgb(1)),
      line('axon', compartmentRgb(2)),
      line('linker', compartmentRgb(3)),
      line('primary neurite', compartmentRgb(4)),
    ],
    unit: 'compartments',
    gradient: null,
  }),
} as const satisfies ColourModeDef<'compartment'>;

const ctime = {
  id: 'ctime',
  label: 'Creation time',
  shaderIndex: 5,
  // `code` is the vertex's time code (0 = unknown: grey). Row 2 of the ramp texture
  // (v = 2.5 / 3) is the time ramp, sampled at texel centres so it matches timeCodeColor.
  glsl: '(code < 0.5 ? vec3(0.627451) : texture(uRamp, vec2((0.5 + (code - 1.0) / 65534.0 * 255.0) / 256.0, 0.8333333)).rgb)',
  nodeColour: (ctx, { creationTimes }) => {
    const range = ctx.timeRange ?? null;
    return (i) => rgbToHex(timeCodeColor(timeCode(creationTimes?.[i] ?? Number.NaN, range)));
  },
  legend: ({ timeRangeMs }) => {
    const span = timeRangeMs ? timeRangeMs[1] - timeRangeMs[0] : 0;
    return {
      entries: timeRangeMs ? [] : [line('loading creation times…', UNKNOWN_TIME_RGB)],
      unit: 'times',
      gradient: timeRangeMs
        ? {
            stops: [0, 0.25, 0.5, 0.75, 1].map((t) => creationTimeColor(t)),
            from: `created ${formatTimeLabel(timeRangeMs[0], span)}`,
            to: formatTimeLabel(timeRangeMs[1], span),
          }
        : null,
    };
  },
} as const satisfies ColourModeDef<'ctime'>;

const review = {
  id: 'review',
  label: 'Review (whitelist)',
  shaderIndex: 6,
  // `code`: 0 = reviews not fetched yet (grey), 1 = not reviewed, 2 = reviewed (review-codes.ts).
  glsl: `(code < 0.5 ? ${glslRgb(REVIEW_UNKNOWN_RGB)} : code < 1.5 ? ${glslRgb(NOT_REVIEWED_RGB)} : ${glslRgb(REVIEWED_RGB)})`,
  nodeColour: (_ctx, { reviewCodes }) => {
    const hex = [0, 1, 2].map((c) => rgbToHex(reviewCodeColor(c)));
    return (i) => hex[reviewCodes?.[i] ?? 0] ?? rgbToHex(REVIEW_UNKNOWN_RGB);
  },
  legend: ({ review: r }) => {
    const who =
      !r || r.reviewers === null
        ? 'by anyone'
        : r.reviewers.length === 0
          ? 'by nobody: empty whitelist'
          : `by ${r.reviewers.join(', ')}`;
    const entries = [line(`reviewed ${who}`, REVIEWED_RGB), line('not reviewed', NOT_REVIEWED_RGB)];
    if (!r || r.coded < r.total) entries.push(line('loading reviews…', REVIEW_UNKNOWN_RGB));
    return { entries, unit: 'entries', gradient: null };
  },
} as const satisfies ColourModeDef<'review'>;

/** In menu order. */
export const COLOUR_MODE_DEFS = [
  selection,
  creator,
  strahler,
  depth,
  compartment,
  ctime,
  review,
] as const;

export type ColourMode = (typeof COLOUR_MODE_DEFS)[number]['id'];

export const COLOUR_MODES: readonly ColourMode[] = COLOUR_MODE_DEFS.map((m) => m.id);

const byId = new Map<string, ColourModeDef>(COLOUR_MODE_DEFS.map((m) => [m.id, m]));

export function colourModeDef(id: ColourMode): ColourModeDef {
  return byId.get(id) ?? selection;
}

export function isColourMode(v: unknown): v is ColourMode {
  return typeof v === 'string' && byId.has(v);
}
