/**
 * Innervation of one neuron in one volume (neuPrint's ROI profile, for CATMAID): cable, nodes,
 * presynaptic and postsynaptic sites inside, with the neuron's totals for the fractions.
 *
 * Rules:
 * - A node is inside when its position is (point-in-mesh, see point-in-mesh.ts).
 * - Cable: each parent–child edge contributes half its length for each endpoint inside, so an
 *   edge crossing the boundary counts half. Inside + outside = the neuron's total cable exactly
 *   (pymaid's prune_by_volume drops crossing edges, whose cable then belongs nowhere).
 * - Synapses are placed at the connector (the synaptic site), not the linked node: one count per
 *   link, presynaptic = relation 0, postsynaptic = relation 1 (compact-detail's encoding).
 */
import { RELATION, type SkeletonDetail } from '../../api/skeleton-detail.ts';

export type InnervationInput = Pick<SkeletonDetail, 'skeletonId' | 'positions' | 'parentIndex'> & {
  connectors: Pick<SkeletonDetail['connectors'], 'relations' | 'positions'>;
};

export interface Counts {
  cable: number;
  nodes: number;
  pre: number;
  post: number;
}

export interface Innervation {
  skeletonId: number;
  inside: Counts;
  total: Counts;
}

/** Point i is inside: flags[i] === 1. */
export type InsideFlags = Uint8Array;

export function classifyPoints(
  contains: (x: number, y: number, z: number) => boolean,
  positions: Float32Array,
): InsideFlags {
  const n = positions.length / 3;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = contains(positions[3 * i] ?? 0, positions[3 * i + 1] ?? 0, positions[3 * i + 2] ?? 0)
      ? 1
      : 0;
  }
  return out;
}

function edgeLength(p: Float32Array, a: number, b: number): number {
  return Math.hypot(
    (p[3 * a] ?? 0) - (p[3 * b] ?? 0),
    (p[3 * a + 1] ?? 0) - (p[3 * b + 1] ?? 0),
    (p[3 * a + 2] ?? 0) - (p[3 * b + 2] ?? 0),
  );
}

export function innervation(
  skeleton: InnervationInput,
  nodeInside: InsideFlags,
  connectorInside: InsideFlags,
): Innervation {
  const inside: Counts = { cable: 0, nodes: 0, pre: 0, post: 0 };
  const total: Counts = { cable: 0, nodes: 0, pre: 0, post: 0 };
  const n = skeleton.parentIndex.length;
  for (let i = 0; i < n; i++) {
    total.nodes++;
    if (nodeInside[i]) inside.nodes++;
    const parent = skeleton.parentIndex[i] ?? -1;
    if (parent < 0) continue;
    const len = edgeLength(skeleton.positions, i, parent);
    total.cable += len;
    inside.cable += (len * ((nodeInside[i] ?? 0) + (nodeInside[parent] ?? 0))) / 2;
  }
  const rel = skeleton.connectors.relations;
  for (let j = 0; j < rel.length; j++) {
    const key =
      rel[j] === RELATION.presynaptic ? 'pre' : rel[j] === RELATION.postsynaptic ? 'post' : null;
    if (!key) continue;
    total[key]++;
    if (connectorInside[j]) inside[key]++;
  }
  return { skeletonId: skeleton.skeletonId, inside, total };
}

/** Fraction of the neuron's total inside (0 when the neuron has none of it). */
export function fraction(inside: number, total: number): number {
  return total > 0 ? inside / total : 0;
}
