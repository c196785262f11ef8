/**
 * The colour of every node in the active mode, as hex strings, for the vector export (the GPU
 * path computes the same colours in the shaders from the same palettes).
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import {
  depthColor,
  rgbToHex,
  strahlerColor,
  type ColourMode,
  type Rgb,
} from '../geometry/colour-modes.ts';

export interface ColourContext {
  mode: ColourMode;
  userRgb: ReadonlyMap<number, Rgb>;
  maxStrahler: number;
  zRange: [number, number];
}

/** Depth is quantised into this many steps so paths can be merged per colour. */
const DEPTH_STEPS = 32;

export function nodeColourFn(
  ctx: ColourContext,
  neuronRgb: Rgb,
  detail: SkeletonDetail,
  strahler: Uint8Array,
): (node: number) => string {
  const neuron = rgbToHex(neuronRgb);
  switch (ctx.mode) {
    case 'selection':
      return () => neuron;
    case 'creator': {
      const cache = new Map<number, string>();
      return (i) => {
        const id = detail.creatorIds[i] ?? 0;
        let c = cache.get(id);
        if (!c) cache.set(id, (c = rgbToHex(ctx.userRgb.get(id) ?? [128, 128, 128])));
        return c;
      };
    }
    case 'strahler': {
      const hex = Array.from({ length: 256 }, (_, o) =>
        rgbToHex(strahlerColor(o, ctx.maxStrahler)),
      );
      return (i) => hex[strahler[i] ?? 1] ?? neuron;
    }
    case 'depth': {
      const [z0, z1] = ctx.zRange;
      const span = Math.max(z1 - z0, 1);
      const hex = Array.from({ length: DEPTH_STEPS }, (_, k) =>
        rgbToHex(depthColor(k / (DEPTH_STEPS - 1))),
      );
      return (i) => {
        const t = ((detail.positions[i * 3 + 2] ?? 0) - z0) / span;
        return hex[Math.round(Math.min(Math.max(t, 0), 1) * (DEPTH_STEPS - 1))] ?? neuron;
      };
    }
  }
}
