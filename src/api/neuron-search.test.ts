import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchNeuronSearch, neuronSearchQuery } from './neuron-search.ts';

describe('neuron search (good / bad fixtures)', () => {
  it('POSTs the built form and decodes null skeleton_ids as []', async () => {
    const { scope, fake } = fakeScope(() => ({
      body: {
        entities: [
          { id: 5, name: 'n', type: 'neuron', skeleton_ids: null },
          { id: 6, name: 'PN', type: 'annotation' },
        ],
        totalRecords: 40,
      },
    }));
    const r = await fetchNeuronSearch(scope, { name: 'n' });
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/annotations/query-targets');
    expect(callParams(fake.calls[0])[0]).toEqual(['name', 'n']);
    expect(r).toEqual({
      total: 40,
      entities: [
        { id: 5, name: 'n', type: 'neuron', skeletonIds: [], annotations: [] },
        { id: 6, name: 'PN', type: 'annotation', skeletonIds: [], annotations: [] },
      ],
    });
  });

  it('a string id is a SchemaError naming query-targets', async () => {
    const { scope } = fakeScope(() => ({ body: { entities: [{ id: '5' }], totalRecords: 1 } }));
    await expect(fetchNeuronSearch(scope, {})).rejects.toMatchObject({
      kind: 'schema',
      endpoint: 'POST /{pid}/annotations/query-targets',
    });
  });

  it('a missing totalRecords is a SchemaError', async () => {
    const { scope } = fakeScope(() => ({ body: { entities: [] } }));
    await expect(fetchNeuronSearch(scope, {})).rejects.toMatchObject({ kind: 'schema' });
  });

  it('keys on the params object, after the project scope', () => {
    const { scope } = fakeScope(() => ({ body: {} }));
    expect(neuronSearchQuery(scope, { name: 'PN' }).queryKey).toEqual([
      'catmaid',
      'test',
      6,
      'neuron-search',
      { name: 'PN' },
    ]);
  });
});
