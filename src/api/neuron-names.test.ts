import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from './fake-scope.ts';
import { NEURON_NAMES_CHUNK, fetchNeuronNames, neuronNamesQuery } from './neuron-names.ts';

describe('fetchNeuronNames', () => {
  it('chunks long id lists and merges the answers', async () => {
    const { scope, fake } = fakeScope((call) => ({
      body: Object.fromEntries(callParams(call).map(([, v]) => [v, `n${v}`])),
    }));
    const ids = Array.from({ length: NEURON_NAMES_CHUNK * 2 + 5 }, (_, i) => i + 1);
    const names = await fetchNeuronNames(scope, [...ids, 1, 2]);
    expect(fake.calls).toHaveLength(3);
    expect(fake.maxInFlight()).toBeLessThanOrEqual(2);
    expect(callParams(fake.calls[0])[0]).toEqual(['skids[0]', '1']);
    expect(names.size).toBe(ids.length);
    expect(names.get(4005)).toBe('n4005');
  });

  it('asks nothing for no ids', async () => {
    const { scope, fake } = fakeScope(() => ({ body: {} }));
    expect((await fetchNeuronNames(scope, [])).size).toBe(0);
    expect(fake.calls).toHaveLength(0);
  });

  it('keys on the sorted, unique id list', () => {
    const { scope } = fakeScope(() => ({ body: {} }));
    expect(neuronNamesQuery(scope, [3, 1, 3, 2]).queryKey).toEqual([
      'catmaid',
      'test',
      6,
      'neuron-names',
      { skids: [1, 2, 3] },
    ]);
  });

  it('a non-string name is a SchemaError naming the endpoint', async () => {
    const { scope } = fakeScope(() => ({ body: { '5': 17 } }));
    await expect(fetchNeuronNames(scope, [5])).rejects.toMatchObject({
      kind: 'schema',
      endpoint: 'POST /{pid}/skeleton/neuronnames',
    });
  });
});
