/**
 * Spatial layout of the synthetic larval brain (nm). Left-side coordinates; the right side is
 * mirrored at x = MIDLINE * 2. Neuropils are ellipsoids: arbors of each cell type grow inside
 * them, and the volumes served by /volumes/ are meshes of the same ellipsoids (slightly larger).
 */
import type { Rng } from './prng.ts';

export type Vec3 = [number, number, number];

export interface Region {
  centre: Vec3;
  radii: Vec3;
}

export const BRAIN_SIZE: Vec3 = [130_000, 110_000, 90_000];
const MIRROR_X = BRAIN_SIZE[0];

export type NeuropilKey = 'AL' | 'CA' | 'LH' | 'ML';

export const NEUROPILS: Record<NeuropilKey, Region & { name: string }> = {
  AL: { name: 'antennal lobe', centre: [40_000, 85_000, 35_000], radii: [9_000, 8_000, 8_000] },
  CA: {
    name: 'mushroom body calyx',
    centre: [30_000, 40_000, 30_000],
    radii: [7_000, 6_500, 6_500],
  },
  LH: { name: 'lateral horn', centre: [14_000, 52_000, 40_000], radii: [7_000, 8_000, 7_000] },
  ML: {
    name: 'mushroom body lobes',
    centre: [50_000, 45_000, 60_000],
    radii: [11_000, 6_000, 10_000],
  },
};

function mirror(p: Vec3, side: 'left' | 'right'): Vec3 {
  return side === 'left' ? p : [MIRROR_X - p[0], p[1], p[2]];
}

export function sideRegion(r: Region, side: 'left' | 'right'): Region {
  return { centre: mirror(r.centre, side), radii: r.radii };
}

/** A random point inside the ellipsoid, at most `spread` of its radii from the centre. */
export function pointIn(rng: Rng, r: Region, spread = 1): Vec3 {
  for (;;) {
    const u: Vec3 = [rng.range(-1, 1), rng.range(-1, 1), rng.range(-1, 1)];
    if (u[0] * u[0] + u[1] * u[1] + u[2] * u[2] <= 1) {
      return [
        r.centre[0] + u[0] * r.radii[0] * spread,
        r.centre[1] + u[1] * r.radii[1] * spread,
        r.centre[2] + u[2] * r.radii[2] * spread,
      ];
    }
  }
}

/** Sub-region of a neuropil: a glomerulus or mushroom-body compartment. */
export function subRegion(parent: Region, offset: Vec3, radius: number): Region {
  return {
    centre: [
      parent.centre[0] + offset[0] * parent.radii[0],
      parent.centre[1] + offset[1] * parent.radii[1],
      parent.centre[2] + offset[2] * parent.radii[2],
    ],
    radii: [radius, radius, radius],
  };
}

/** Cell-body clusters (cortex) per cell type, left side. */
export const SOMA_CLUSTERS: Record<string, Region> = {
  ORN: { centre: [38_000, 104_000, 22_000], radii: [6_000, 3_000, 5_000] },
  PN: { centre: [56_000, 96_000, 24_000], radii: [4_000, 3_000, 4_000] },
  LN: { centre: [52_000, 94_000, 46_000], radii: [4_000, 3_000, 4_000] },
  KC: { centre: [24_000, 30_000, 18_000], radii: [6_000, 4_000, 4_000] },
  MBON: { centre: [60_000, 36_000, 76_000], radii: [4_000, 4_000, 4_000] },
  DAN: { centre: [44_000, 56_000, 78_000], radii: [4_000, 4_000, 3_000] },
  APL: { centre: [34_000, 50_000, 72_000], radii: [2_000, 2_000, 2_000] },
  MBIN: { centre: [56_000, 28_000, 70_000], radii: [3_000, 3_000, 3_000] },
};
