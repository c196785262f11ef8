/**
 * Decoders of the circuit endpoints: graph/dps, graph/circlesofhell, connectors/types and
 * skeletons/connectivity with link_types[]. No real recording covers them (the recorded server
 * has no gap junctions and the recordings skip the graph endpoints), so the fixtures are the
 * shapes CATMAID's source returns (control/graph2.py, control/connector.py, its connector-type
 * test fixture), and the requests are pinned to the parameters that source reads.
 */
import { describe, expect, it } from 'vitest';
import { fetchLinkTypePartners } from './connectivity-link-type.ts';
import { decodeLinkTypes, fetchLinkTypes } from './connector-types.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchCircles, fetchPathSkeletons } from './graph-paths.ts';

describe('graph/dps', () => {
  it('asks once per hop count with indexed sources and targets and a finite minimum', async () => {
    const answers = [
      [1, 2],
      [1, 2, 7],
      [1, 2, 7, 9],
    ];
    const { scope, fake } = fakeScope((_, i) => ({ body: JSON.stringify(answers[i]) }));
    const ids = await fetchPathSkeletons(scope, {
      sources: [1],
      targets: [2],
      maxHops: 3,
      minSynapses: 0,
    });
    expect(ids).toEqual([1, 2, 7, 9]);
    expect(fake.calls.map((c) => c.url)).toEqual(Array(3).fill('/api/catmaid/6/graph/dps'));
    expect(callParams(fake.calls[2])).toEqual([
      ['sources[0]', '1'],
      ['targets[0]', '2'],
      ['n_hops', '3'],
      ['min_synapses', '1'],
    ]);
  });
  it('rejects an answer that is not a list of ids', async () => {
    const { scope } = fakeScope(() => ({ body: '{"a": 1}' }));
    await expect(
      fetchPathSkeletons(scope, { sources: [1], targets: [2], maxHops: 1, minSynapses: 1 }),
    ).rejects.toMatchObject({ name: 'SchemaError' });
  });
});

describe('graph/circlesofhell', () => {
  it('decodes [ids, names]', async () => {
    const { scope, fake } = fakeScope(() => ({
      body: '[[102561, 102531], {"102531": "PN VA1d adPN", "102561": "KC"}]',
    }));
    const c = await fetchCircles(scope, { seeds: [5], circles: 2, minPre: -1, minPost: 3 });
    expect(c.ids).toEqual([102561, 102531]);
    expect(c.names.get(102531)).toBe('PN VA1d adPN');
    expect(callParams(fake.calls[0])).toEqual([
      ['skeleton_ids[0]', '5'],
      ['n_circles', '2'],
      ['min_pre', '-1'],
      ['min_post', '3'],
    ]);
  });
});

describe('connectors/types', () => {
  const wire = [
    {
      name: 'Presynaptic',
      type: 'Synaptic',
      type_id: 'synaptic-connector',
      relation: 'presynaptic_to',
      relation_id: 12,
      isreciprocal: false,
      cardinality: 1,
      partner_reference: 'outgoing',
      partner_relation: 'postsynaptic_to',
    },
    {
      name: 'Postsynaptic',
      type: 'Synaptic',
      type_id: 'synaptic-connector',
      relation: 'postsynaptic_to',
      relation_id: 13,
      isreciprocal: false,
      cardinality: null,
      partner_reference: 'incoming',
      partner_relation: 'presynaptic_to',
    },
    {
      name: 'Gap junction',
      type: 'Gap junction',
      type_id: 'gapjunction-connector',
      relation: 'gapjunction_with',
      relation_id: 14,
      isreciprocal: true,
      cardinality: 2,
      partner_reference: 'gapjunction',
      partner_relation: 'gapjunction_with',
    },
    {
      name: 'Desmosome',
      type: 'Desmosome',
      type_id: 'desmosome-connector',
      relation: 'desmosome_with',
      relation_id: 15,
      isreciprocal: true,
      cardinality: 2,
      partner_reference: 'desmosome',
      partner_relation: 'desmosome_with',
    },
  ];
  it('offers synapses first, then each reciprocal type by its link_types name', async () => {
    const { scope } = fakeScope(() => ({ body: JSON.stringify(wire) }));
    expect(await fetchLinkTypes(scope)).toEqual([
      { id: 'synaptic', label: 'Chemical synapses', relation: null },
      { id: 'gapjunction', label: 'Gap junctions', relation: 'gapjunction_with' },
      { id: 'desmosome', label: 'Desmosomes', relation: 'desmosome_with' },
    ]);
  });
  it('offers only synapses on a project without other relations', () => {
    expect(decodeLinkTypes(wire.slice(0, 2)).map((t) => t.id)).toEqual(['synaptic']);
  });
});

describe('skeletons/connectivity with link_types', () => {
  it('asks for the type and decodes its partners with their histograms', async () => {
    const body = JSON.stringify({
      gapjunction: { '20': { num_nodes: 40, skids: { '1': [0, 0, 0, 0, 2] } } },
      gapjunction_reviewers: [],
    });
    const { scope, fake } = fakeScope(() => ({ body }));
    const partners = await fetchLinkTypePartners(scope, [1], 'gapjunction', 'upstream');
    expect(partners).toEqual([
      { partnerId: 20, nodeCount: 40, bins: new Map([[1, [0, 0, 0, 0, 2]]]) },
    ]);
    expect(callParams(fake.calls[0])).toEqual([
      ['source_skeleton_ids[0]', '1'],
      ['boolean_op', 'OR'],
      ['with_nodes', 'false'],
      ['link_types[0]', 'gapjunction'],
    ]);
  });
  it('reads an answer without the key (CATMAID skips unknown names) as no partners', async () => {
    const { scope } = fakeScope(() => ({ body: '{}' }));
    expect(await fetchLinkTypePartners(scope, [1], 'gapjunction', 'upstream')).toEqual([]);
  });
});
