/**
 * Hand-made trees for the morphology tests, small enough to compute every answer by hand.
 *
 *   0 ── 1 ── 2 ── 3 ── 4        (x = 0, 10, 20, 30, 40 nm; y = z = 0)
 *             │
 *             5 (20,10,0)
 *             │
 *             6 (20,13,0)
 *
 * Root 0; branch point 2; leaves 4 and 6; cable 53 nm. Links: presynaptic on 4, postsynaptic on
 * 6 and 1, and one presynaptic link on a node outside the tree (-1).
 */
import type { MorphTree } from './tree.ts';

export function forkTree(extra: { somaTag?: number; radii?: number[] } = {}): MorphTree {
  const tags = new Map<string, Int32Array>();
  if (extra.somaTag !== undefined) tags.set('soma', Int32Array.of(extra.somaTag));
  tags.set('ends', Int32Array.of(4));
  return {
    parentIndex: Int32Array.of(-1, 0, 1, 2, 3, 2, 5),
    positions: Float32Array.of(
      0,
      0,
      0,
      10,
      0,
      0,
      20,
      0,
      0,
      30,
      0,
      0,
      40,
      0,
      0,
      20,
      10,
      0,
      20,
      13,
      0,
    ),
    radii: Float32Array.from(extra.radii ?? [0, 0, 0, 0, 0, 0, 0]),
    tags,
    connectors: { nodeIndex: Int32Array.of(4, 6, 1, -1), relations: Int8Array.of(0, 1, 1, 0) },
  };
}
