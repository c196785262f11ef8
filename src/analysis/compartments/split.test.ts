import { describe, expect, it } from 'vitest';
import { synapseCounts, synapseFlowCentrality } from './flow-centrality.ts';
import { COMPARTMENT, splitAxonDendrite, type SplitInput } from './split.ts';
import { segregationIndex } from './segregation.ts';
import { rerooted } from './tree.ts';

/**
 * soma 0 → 1 → 2 (main branch point); axon 2 → 3 → 4 → {5, 6}, two presynaptic links on each
 * of 5 and 6; dendrite 2 → 7 → 8 → {9, 10}, two postsynaptic links on each of 9 and 10.
 */
const PARENT = Int32Array.from([-1, 0, 1, 2, 3, 4, 4, 2, 7, 8, 8]);
const LINKS: [node: number, relation: number][] = [
  [5, 0],
  [5, 0],
  [6, 0],
  [6, 0],
  [9, 1],
  [9, 1],
  [10, 1],
  [10, 1],
];

function input(parent: Int32Array = PARENT, links = LINKS, somaIndex = 0): SplitInput {
  return {
    parentIndex: parent,
    somaIndex,
    connectorNodeIndex: Int32Array.from(links.map((l) => l[0])),
    connectorRelations: Int8Array.from(links.map((l) => l[1])),
  };
}

describe('synapse flow centrality', () => {
  const counts = synapseCounts(11, input().connectorNodeIndex, input().connectorRelations);

  it('counts paths from proximal inputs to distal outputs (centrifugal) by hand', () => {
    // Node 5: 2 distal pre × (4 − 0) proximal post = 8; node 3: 4 × 4; dendrite: no distal pre.
    const f = synapseFlowCentrality(PARENT, counts, 'centrifugal');
    expect([...f]).toEqual([0, 0, 16, 16, 8, 8, 8, 0, 0, 0, 0]);
  });

  it('counts distal inputs to proximal outputs (centripetal) and sums both', () => {
    const petal = synapseFlowCentrality(PARENT, counts, 'centripetal');
    expect([...petal]).toEqual([0, 0, 16, 0, 0, 0, 0, 16, 8, 8, 8]);
    const sum = synapseFlowCentrality(PARENT, counts, 'sum');
    // Branch point 2 carries the flow across it: the max of its children (16), not its own 0.
    expect([...sum]).toEqual([0, 0, 16, 16, 8, 8, 8, 16, 8, 8, 8]);
  });
});

describe('splitAxonDendrite', () => {
  it('finds axon, dendrite, linker and primary neurite of a hand-made neuron', () => {
    const s = splitAxonDendrite(input());
    expect(s.split).toBe(true);
    expect(s.maxFlow).toBe(16);
    const { axon: A, dendrite: D, linker: L, primaryNeurite: P } = COMPARTMENT;
    expect([...s.compartment]).toEqual([P, P, L, L, A, A, A, L, D, D, D]);
  });

  it('gives the same split when the skeleton is rooted elsewhere but has its soma tagged', () => {
    const tipRooted = rerooted(PARENT, 9);
    expect(tipRooted[0]).toBe(1);
    const a = splitAxonDendrite(input());
    const b = splitAxonDendrite(input(tipRooted, LINKS, 0));
    expect([...b.compartment]).toEqual([...a.compartment]);
  });

  it('keeps an output site on the dendrite in the dendrite (more inputs than outputs there)', () => {
    const s = splitAxonDendrite(input(PARENT, [...LINKS, [10, 0]]));
    expect(s.compartment[10]).toBe(COMPARTMENT.dendrite);
    expect(s.compartment[5]).toBe(COMPARTMENT.axon);
  });

  it('does not split a neuron without outputs', () => {
    const s = splitAxonDendrite(input(PARENT, LINKS.slice(4)));
    expect(s.split).toBe(false);
    expect(s.compartment.every((c) => c === COMPARTMENT.none)).toBe(true);
  });

  it('leaves out the primary neurite when asked', () => {
    const s = splitAxonDendrite(input(), { primaryNeurite: false });
    // The soma side has no synapses: it joins the nearest labelled compartment (the linker).
    expect(s.compartment[0]).toBe(COMPARTMENT.linker);
  });
});

describe('segregationIndex', () => {
  it('is 1 for fully segregated fragments and 0 for identical mixtures', () => {
    expect(
      segregationIndex([
        { pre: 0, post: 4 },
        { pre: 4, post: 0 },
      ]),
    ).toBe(1);
    expect(
      segregationIndex([
        { pre: 2, post: 2 },
        { pre: 3, post: 3 },
      ]),
    ).toBeCloseTo(0, 12);
    expect(segregationIndex([{ pre: 0, post: 5 }])).toBe(0);
  });

  it('matches the entropy formula for a partly mixed split', () => {
    // Dendrite 1 pre / 9 post, axon 9 pre / 1 post: S = H(0.9), S_norm = H(0.5).
    const h = (p: number) => -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
    const si = segregationIndex([
      { pre: 1, post: 9 },
      { pre: 9, post: 1 },
    ]);
    expect(si).toBeCloseTo(1 - h(0.9) / h(0.5), 12);
  });
});
