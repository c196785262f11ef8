import { describe, expect, it } from 'vitest';
import type { ConnectorLink } from '../../api/connectors-between.ts';
import { highlightOf, highlightRelation } from './use-synapse-highlight.ts';

const link = (connectorId: number, toTreenodeId: number, x: number): ConnectorLink => ({
  connectorId,
  connectorPosition: [x, 2, 3],
  fromTreenodeId: 1,
  fromSkeletonId: 10,
  fromConfidence: 5,
  toTreenodeId,
  toSkeletonId: 20,
  toConfidence: 5,
});

describe('synapse highlight', () => {
  it('has one marker per synapse link, as the partner tables count, with its position', () => {
    // Connector 7 is polyadic onto two nodes of the partner: two synapses, like CATMAID counts.
    const h = highlightOf({ pre: [10], post: [20, 10], label: 'A → B' }, [
      link(7, 100, 1),
      link(7, 101, 1),
      link(8, 102, 5),
    ]);
    expect(h.positions).toEqual([1, 2, 3, 1, 2, 3, 5, 2, 3]);
    expect(h.connectorIds).toEqual([7, 8]);
    expect(h.skeletonIds).toEqual([10, 20]);
    expect(h.label).toBe('A → B');
  });
});

describe('highlight relation', () => {
  const types = [
    { id: 'synaptic', relation: null },
    { id: 'gapjunction', relation: 'gapjunction_with' },
  ];
  it('asks many_to_many for the chosen reciprocal relation, else chemical synapses', () => {
    expect(highlightRelation(types, 'gapjunction')).toBe('gapjunction_with');
    expect(highlightRelation(types, 'synaptic')).toBe('presynaptic_to');
    // A type this server does not have falls back to synapses.
    expect(highlightRelation(types, 'desmosome')).toBe('presynaptic_to');
  });
});
