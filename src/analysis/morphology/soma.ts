/**
 * Where the soma is, and by which rule (pymaid `has_soma` / navis `soma` conventions):
 * 1. `tag`: the first node tagged `soma` (CATMAID's convention; some skeletons tag several);
 * 2. `radius`: else the node with the largest radius, if that radius is at least `minRadius`
 *    (tracers mark a soma by a big radius on one node; default 500 nm as in the demo data and
 *    navis' fly presets);
 * 3. `none`: neither; analyses then measure from the skeleton's root.
 */
import type { MorphTree } from './tree.ts';

export type SomaRule = 'tag' | 'radius' | 'none';

export interface SomaFinding {
  /** Node index, -1 when `rule` is `none`. */
  index: number;
  rule: SomaRule;
}

const DEFAULT_SOMA_MIN_RADIUS = 500;

export function findSoma(
  tree: Pick<MorphTree, 'tags' | 'radii'>,
  minRadius = DEFAULT_SOMA_MIN_RADIUS,
): SomaFinding {
  const tagged = tree.tags.get('soma');
  if (tagged && tagged.length > 0) return { index: tagged[0] ?? -1, rule: 'tag' };
  let best = -1;
  let bestRadius = -Infinity;
  for (let i = 0; i < tree.radii.length; i++) {
    const r = tree.radii[i] ?? 0;
    if (r > bestRadius) {
      bestRadius = r;
      best = i;
    }
  }
  if (best >= 0 && bestRadius >= minRadius) return { index: best, rule: 'radius' };
  return { index: -1, rule: 'none' };
}
