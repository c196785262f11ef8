/**
 * The per-neuron facts a selection table shows that no summary endpoint answers: branch points,
 * end nodes, the soma rule, presynaptic and postsynaptic link counts, counted as traced (pymaid
 * `summary` conventions; see tree.ts and soma.ts). O(nodes + links), cheap enough per skeleton.
 */
import { RELATION } from '../../api/skeleton-detail.ts';
import { findSoma, type SomaRule } from './soma.ts';
import { childCounts, type MorphTree } from './tree.ts';

export interface SkeletonFacts {
  branchPoints: number;
  leaves: number;
  soma: SomaRule;
  pre: number;
  post: number;
}

export function skeletonFacts(tree: MorphTree): SkeletonFacts {
  const counts = childCounts(tree.parentIndex);
  let branchPoints = 0;
  let leaves = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] ?? 0;
    if (c >= 2) branchPoints++;
    else if (c === 0 && (tree.parentIndex[i] ?? -1) >= 0) leaves++;
  }
  let pre = 0;
  let post = 0;
  for (const r of tree.connectors.relations) {
    if (r === RELATION.presynaptic) pre++;
    else if (r === RELATION.postsynaptic) post++;
  }
  return { branchPoints, leaves, soma: findSoma(tree).rule, pre, post };
}
