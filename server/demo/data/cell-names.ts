/**
 * CATMAID-style names of the synthetic cell types, and the fixed sub-regions (glomeruli,
 * mushroom-body compartments) that neurons of one name share, so partners meet in space.
 */
import type { CellType } from './types.ts';
import { NEUROPILS, subRegion, type Region, type Vec3 } from './layout.ts';

export const ODORANT_RECEPTORS = [
  '1a',
  '13a',
  '22c',
  '24a',
  '30a',
  '33a',
  '35a',
  '42a',
  '42b',
  '45a',
  '45b',
  '47a',
  '49a',
  '59a',
  '63a',
  '67b',
  '74a',
  '82a',
  '83a',
  '85c',
  '94a',
];
export const GLOMERULI = [
  'DA1',
  'DL3',
  'VA1d',
  'VA1v',
  'DM1',
  'DM2',
  'DM3',
  'DM4',
  'DM5',
  'DM6',
  'DL1',
  'DL2d',
  'DL5',
  'VM2',
  'VM3',
  'VM7d',
  'VA2',
  'VA3',
  'VC1',
  'DC1',
  'D',
];
export const PN_LINEAGES = ['lPN', 'adPN', 'vPN'];
export const LN_NAMES = ['bLN-Trio', 'bLN-Duet', 'Broad T1', 'Broad D1', 'picky 1', 'keystone'];
export const KC_CLASSES = ['KC-ab', 'KC-g', "KC-a'b'"];
export const MB_COMPARTMENTS = ['a1', 'a2', 'a3', 'g1', 'g2', 'b1'];
export const MBIN_NAMES = ['MBIN OAN-a1', 'MBIN OAN-g1'];

/** Neurons per side at scale 1 (172 neurons in total). */
export const BASE_COUNTS: Record<CellType, number> = {
  ORN: 21,
  PN: 21,
  LN: 6,
  KC: 24,
  MBON: 6,
  DAN: 5,
  APL: 1,
  MBIN: 2,
};

type Step =
  | { kind: 'path'; to: Vec3 }
  | { kind: 'tuft'; region: Region; budget: number; compartment: number };

export interface NeuronPlan {
  type: CellType;
  name: string;
  subtype: string | null;
  lineage: string | null;
  soma: Region;
  steps: Step[];
}

export const COMPARTMENT = { dendrite: 1, axon: 2, mixed: 3 } as const;

/** Glomerulus i of the antennal lobe, at a fixed spot (golden-angle spiral inside the lobe). */
export function glomerulus(i: number): Region {
  const t = (i + 0.5) / GLOMERULI.length;
  const phi = i * 2.39996;
  const r = 0.62 * Math.sqrt(1 - (2 * t - 1) ** 2);
  return subRegion(NEUROPILS.AL, [r * Math.cos(phi), r * Math.sin(phi), 0.62 * (2 * t - 1)], 2_400);
}

export function mbCompartment(i: number): Region {
  const k = i % MB_COMPARTMENTS.length;
  return subRegion(NEUROPILS.ML, [-0.7 + 0.28 * k, 0, k % 2 === 0 ? 0.3 : -0.3], 3_800);
}

export function replicate(base: string, k: number): string {
  return k === 0 ? base : `${base} ${k + 1}`;
}

export const pad3 = (n: number): string => String(n).padStart(3, '0');
