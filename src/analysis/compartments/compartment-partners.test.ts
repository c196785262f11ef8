import { describe, expect, it } from 'vitest';
import type { Connectivity } from '../../api/connectivity.ts';
import type { ConnectorLink } from '../../api/connectors-between.ts';
import { compartmentConnectivity } from './compartment-partners.ts';
import { COMPARTMENT } from './split.ts';

const link = (from: number, fromNode: number, to: number, conf = 5): ConnectorLink => ({
  connectorId: fromNode * 10 + to,
  connectorPosition: [0, 0, 0],
  fromTreenodeId: fromNode,
  fromSkeletonId: from,
  fromConfidence: conf,
  toTreenodeId: 0,
  toSkeletonId: to,
  toConfidence: 5,
});

const base: Connectivity = {
  sourceIds: [1],
  upstream: [
    { partnerId: 10, nodeCount: 50, bins: new Map([[1, [0, 0, 0, 0, 3] as const]]) },
    { partnerId: 11, nodeCount: 60, bins: new Map([[1, [0, 0, 0, 0, 1] as const]]) },
  ],
  downstream: [{ partnerId: 20, nodeCount: 70, bins: new Map([[1, [0, 0, 0, 0, 2] as const]]) }],
  upstreamReviewers: [],
  downstreamReviewers: [],
};

// Source 1: nodes 100–199 are dendrite, 200–299 axon.
const compartmentOf = (_s: number, node: number) =>
  node < 200 ? COMPARTMENT.dendrite : COMPARTMENT.axon;

describe('compartmentConnectivity', () => {
  const up = [link(1, 101, 10), link(1, 102, 10), link(1, 250, 10), link(1, 103, 11, 2)];
  const down = [link(1, 201, 20), link(1, 150, 20)];

  it('counts only the synapses on the chosen compartment of the source', () => {
    const d = compartmentConnectivity(base, up, down, compartmentOf, COMPARTMENT.dendrite);
    expect(d.upstream.find((r) => r.partnerId === 10)?.bins.get(1)).toEqual([0, 0, 0, 0, 2]);
    // The weaker link's confidence decides the bin.
    expect(d.upstream.find((r) => r.partnerId === 11)?.bins.get(1)).toEqual([0, 1, 0, 0, 0]);
    expect(d.downstream.find((r) => r.partnerId === 20)?.bins.get(1)).toEqual([0, 0, 0, 0, 1]);
    expect(d.upstream.find((r) => r.partnerId === 10)?.nodeCount).toBe(50);
  });

  it('drops partners with no synapse on that compartment', () => {
    const a = compartmentConnectivity(base, up, down, compartmentOf, COMPARTMENT.axon);
    expect(a.upstream.map((r) => r.partnerId)).toEqual([10]);
    expect(a.upstream[0]?.bins.get(1)).toEqual([0, 0, 0, 0, 1]);
  });
});
