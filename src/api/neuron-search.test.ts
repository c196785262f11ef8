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

describe('neuron search pages (decoded in slices)', () => {
  it('decodes a 5,000-entity page completely and in order', async () => {
    const entities = Array.from({ length: 5000 }, (_, i) => ({
      id: i,
      name: `n${i}`,
      type: 'neuron',
      skeleton_ids: [i + 1],
      annotations: [{ id: 7, name: 'a', uid: 3 }],
    }));
    const { scope } = fakeScope(() => ({ body: { entities, totalRecords: 9000 } }));
    const r = await fetchNeuronSearch(scope, { rangeStart: 0, rangeLength: 5000 });
    expect(r.total).toBe(9000);
    expect(r.entities.map((e) => e.id)).toEqual(entities.map((e) => e.id));
    expect(r.entities[4999]).toEqual({
      id: 4999,
      name: 'n4999',
      type: 'neuron',
      skeletonIds: [5000],
      annotations: [{ id: 7, name: 'a', uid: 3 }],
    });
  });

  it('a bad entity deep in a page is a SchemaError naming its place', async () => {
    const entities = Array.from({ length: 3000 }, (_, i) => ({ id: i === 2500 ? 'x' : i }));
    const { scope } = fakeScope(() => ({ body: { entities, totalRecords: 3000 } }));
    await expect(fetchNeuronSearch(scope, {})).rejects.toMatchObject({
      kind: 'schema',
      endpoint: 'POST /{pid}/annotations/query-targets',
      issues: expect.stringContaining('entities.2500.id') as unknown,
    });
  });
});
