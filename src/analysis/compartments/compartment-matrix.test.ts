import { describe, expect, it } from 'vitest';
import type { ConnectorLink } from '../../api/connectors-between.ts';
import { compartmentMatrix } from './compartment-matrix.ts';
import { COMPARTMENT } from './split.ts';

const link = (pre: number, preNode: number, post: number, postNode: number): ConnectorLink => ({
  connectorId: preNode,
  connectorPosition: [0, 0, 0],
  fromTreenodeId: preNode,
  fromSkeletonId: pre,
  fromConfidence: 5,
  toTreenodeId: postNode,
  toSkeletonId: post,
  toConfidence: 5,
});

// Every neuron: nodes below 500 are dendrite, from 500 on axon.
const compartmentOf = (_s: number, node: number) =>
  node < 500 ? COMPARTMENT.dendrite : COMPARTMENT.axon;

// 1 → 2: three synapses (axon → dendrite, axon → dendrite, axon → axon);
// 2 → 1: one synapse (dendrite → dendrite, a dendro-dendritic one).
const links = [
  link(1, 600, 2, 100),
  link(1, 601, 2, 101),
  link(1, 602, 2, 700),
  link(2, 10, 1, 20),
];

describe('compartmentMatrix', () => {
  it('counts synapses onto the chosen compartment of the column (postsynaptic) neuron', () => {
    const m = compartmentMatrix(links, compartmentOf, COMPARTMENT.dendrite, 'post');
    expect(m.get(1)?.get(2)).toBe(2);
    expect(m.get(2)?.get(1)).toBe(1);
    const onAxon = compartmentMatrix(links, compartmentOf, COMPARTMENT.axon, 'post');
    expect(onAxon.get(1)?.get(2)).toBe(1);
    expect(onAxon.get(2)).toBeUndefined();
  });

  it('counts synapses made by the chosen compartment of the row (presynaptic) neuron', () => {
    const fromAxon = compartmentMatrix(links, compartmentOf, COMPARTMENT.axon, 'pre');
    expect(fromAxon.get(1)?.get(2)).toBe(3);
    expect(fromAxon.get(2)).toBeUndefined();
    const fromDendrite = compartmentMatrix(links, compartmentOf, COMPARTMENT.dendrite, 'pre');
    expect(fromDendrite.get(2)?.get(1)).toBe(1);
    expect(fromDendrite.get(1)).toBeUndefined();
  });

  it('skips links on nodes whose compartment is unknown', () => {
    const m = compartmentMatrix(links, () => undefined, COMPARTMENT.dendrite, 'post');
    expect(m.size).toBe(0);
  });
});
