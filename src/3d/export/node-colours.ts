/**
 * The colour of every node in the active mode, as hex strings, for the vector export (the GPU
 * path computes the same colours in the shaders; both come from the colour-mode registry).
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { colourModeDef, type ColourMode } from '../colour-modes/registry.ts';
import type { ModeColourContext } from '../colour-modes/types.ts';
import type { Rgb } from '../geometry/colour-modes.ts';

export interface ColourContext extends ModeColourContext {
  mode: ColourMode;
}

export function nodeColourFn(
  ctx: ColourContext,
  neuronRgb: Rgb,
  detail: SkeletonDetail,
  strahler: Uint8Array,
  creationTimes?: Float64Array,
  reviewCodes?: Uint8Array,
): (node: number) => string {
  return colourModeDef(ctx.mode).nodeColour(ctx, {
    neuronRgb,
    detail,
    strahler,
    creationTimes,
    reviewCodes,
  });
}
