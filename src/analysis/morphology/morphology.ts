/**
 * Everything the morphology figures show for one skeleton, from its compact-detail (with
 * connectors and tags): the soma (and the rule that found it), counts, path distances from the
 * soma, synapse placement, Strahler orders, the Sholl profile and the dendrogram. Every measure
 * runs on the tree re-rooted at the soma (at the skeleton's root when there is none), as navis
 * does, so Strahler orders and the dendrogram grow away from the cell body; branch points and
 * leaves are counted as traced (CATMAID's and pymaid's numbers).
 */
import { dendrogramLayout, type Dendrogram } from './dendrogram.ts';
import { niceBinWidth } from './histogram.ts';
import { shollProfile, type ShollProfile } from './sholl.ts';
import { findSoma, type SomaRule } from './soma.ts';
import { strahlerDistribution, type StrahlerRow } from './strahler-distribution.ts';
import { maxOrder, strahlerOrders } from './strahler.ts';
import { synapsePlacement, type SynapsePlacement } from './synapse-placement.ts';
import { branchPoints, leaves, pathDistances, reroot, type MorphTree } from './tree.ts';

export interface MorphologyOptions {
  /** Terminal twigs shorter than this (nm) are collapsed in the dendrogram; 0 = none. */
  collapseBelow: number;
  /** Sholl shell spacing, nm; 0 = automatic (about 30 shells). */
  shollStep: number;
  somaMinRadius?: number;
}

export interface Morphology {
  nodeCount: number;
  /** Node index of the origin (soma, else root), -1 for an empty skeleton. */
  origin: number;
  somaRule: SomaRule;
  branchPoints: number;
  leaves: number;
  /** nm */
  cable: number;
  /** Longest path from the origin, nm. */
  maxPathDistance: number;
  maxStrahler: number;
  strahler: StrahlerRow[];
  synapses: SynapsePlacement;
  sholl: ShollProfile;
  dendrogram: Dendrogram;
}

function rootOf(parentIndex: Int32Array): number {
  for (let i = 0; i < parentIndex.length; i++) if ((parentIndex[i] ?? -1) < 0) return i;
  return -1;
}

export function computeMorphology(tree: MorphTree, options: MorphologyOptions): Morphology {
  const soma = findSoma(tree, options.somaMinRadius);
  const origin = soma.index >= 0 ? soma.index : rootOf(tree.parentIndex);
  const rerooted = reroot(tree.parentIndex, origin);
  const distances = pathDistances(tree.positions, rerooted);
  let cable = 0;
  let maxPathDistance = 0;
  for (const v of rerooted.order) maxPathDistance = Math.max(maxPathDistance, distances[v] ?? 0);
  const orders = strahlerOrders(rerooted.parent);
  const strahler = strahlerDistribution(rerooted.parent, tree.positions, orders);
  for (const row of strahler) cable += row.cable;
  let far = 0;
  if (origin >= 0) {
    for (let i = 0; i < tree.parentIndex.length; i++) {
      const d = Math.hypot(
        (tree.positions[i * 3] ?? 0) - (tree.positions[origin * 3] ?? 0),
        (tree.positions[i * 3 + 1] ?? 0) - (tree.positions[origin * 3 + 1] ?? 0),
        (tree.positions[i * 3 + 2] ?? 0) - (tree.positions[origin * 3 + 2] ?? 0),
      );
      far = Math.max(far, d);
    }
  }
  const step = options.shollStep > 0 ? options.shollStep : niceBinWidth(far, 30);
  return {
    nodeCount: tree.parentIndex.length,
    origin,
    somaRule: soma.rule,
    branchPoints: branchPoints(tree.parentIndex).length,
    leaves: leaves(tree.parentIndex).length,
    cable,
    maxPathDistance,
    maxStrahler: maxOrder(orders),
    strahler,
    synapses: synapsePlacement(tree.connectors, distances),
    sholl: shollProfile(tree, origin, step),
    dendrogram: dendrogramLayout(tree, rerooted, distances, options.collapseBelow),
  };
}
