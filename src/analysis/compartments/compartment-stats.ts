/**
 * Per-compartment numbers of one split neuron: cable (each edge counted with its child node's
 * compartment), presynaptic and postsynaptic links, and the segregation index over the fragments
 * navis returns (primary neurite, dendrite, linker, axon; empty ones left out).
 */
import { COMPARTMENT, type AxonDendriteSplit } from './split.ts';
import { segregationIndex } from './segregation.ts';

export interface CompartmentNumbers {
  cableNm: number;
  pre: number;
  post: number;
  nodes: number;
}

export interface CompartmentSummary {
  skeletonId: number;
  split: boolean;
  segregationIndex: number;
  /** Indexed by COMPARTMENT code. */
  byCompartment: CompartmentNumbers[];
}

export interface StatsInput {
  skeletonId: number;
  parentIndex: Int32Array;
  positions: Float32Array;
  connectorNodeIndex: Int32Array;
  connectorRelations: Int8Array;
}

export function compartmentSummary(d: StatsInput, s: AxonDendriteSplit): CompartmentSummary {
  const by: CompartmentNumbers[] = Object.values(COMPARTMENT).map(() => ({
    cableNm: 0,
    pre: 0,
    post: 0,
    nodes: 0,
  }));
  const p = d.positions;
  for (let i = 0; i < d.parentIndex.length; i++) {
    const c = by[s.compartment[i] ?? 0];
    if (!c) continue;
    c.nodes++;
    const j = d.parentIndex[i] ?? -1;
    if (j < 0) continue;
    const dx = (p[i * 3] ?? 0) - (p[j * 3] ?? 0);
    const dy = (p[i * 3 + 1] ?? 0) - (p[j * 3 + 1] ?? 0);
    const dz = (p[i * 3 + 2] ?? 0) - (p[j * 3 + 2] ?? 0);
    c.cableNm += Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
  for (let k = 0; k < d.connectorNodeIndex.length; k++) {
    const i = d.connectorNodeIndex[k] ?? -1;
    const c = i >= 0 ? by[s.compartment[i] ?? 0] : undefined;
    if (!c) continue;
    if (d.connectorRelations[k] === 0) c.pre++;
    else if (d.connectorRelations[k] === 1) c.post++;
  }
  const fragments = s.split ? by.filter((c, code) => code !== COMPARTMENT.none && c.nodes > 0) : [];
  return {
    skeletonId: d.skeletonId,
    split: s.split,
    segregationIndex: segregationIndex(fragments),
    byCompartment: by,
  };
}
