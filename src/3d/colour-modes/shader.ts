/** The colour-mode part of the shaders, generated from the registry (no bare mode numbers). */
import { COLOUR_MODE_DEFS } from './registry.ts';

/** One `if (uMode == i) c = …;` per registered mode; `c` starts as the neuron colour. */
export function modeBranchesGlsl(): string {
  return COLOUR_MODE_DEFS.map(
    (m) => `if (uMode == ${m.shaderIndex}) c = ${m.glsl}; // ${m.id}`,
  ).join('\n  else ');
}
