/**
 * Compartment code per node (src/analysis/compartments: 0 unsplit, 1 dendrite, 2 axon, 3 linker,
 * 4 primary neurite) for the "compartment" colour mode: computed once per decoded skeleton (in
 * the skeleton worker for the GPU buffers, again for a vector export), from its connectors.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { splitAxonDendrite } from '../../analysis/compartments/split.ts';
import type { Rgb } from './colour-modes.ts';

const cache = new WeakMap<SkeletonDetail, Uint8Array>();

export function nodeCompartments(d: SkeletonDetail): Uint8Array {
  let c = cache.get(d);
  if (!c) {
    c =
      d.connectors.relations.length === 0
        ? new Uint8Array(d.nodeCount)
        : splitAxonDendrite({
            parentIndex: d.parentIndex,
            somaIndex: d.somaIndex,
            connectorNodeIndex: d.connectors.nodeIndex,
            connectorRelations: d.connectors.relations,
          }).compartment;
    cache.set(d, c);
  }
  return c;
}

/** navis' colours: dendrite blue, axon red, primary neurite (cell body fibre) green. */
export const COMPARTMENT_RGB: Readonly<Record<number, Rgb>> = {
  1: [31, 119, 180],
  2: [214, 39, 40],
  3: [148, 103, 189],
  4: [44, 160, 44],
};
