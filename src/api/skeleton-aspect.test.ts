import { hashKey, QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { catmaidQueryDefaults } from '../lib/http/query-defaults.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { NEURON_NAMES_CHUNK, neuronNames, neuronNamesQuery } from './neuron-names.ts';
import { reviewStatusQuery } from './review-status.ts';
import { listKeyHash } from './skeleton-aspect.ts';

/** Answers neuronnames with `n<id>` for every asked id; ids above 1e6 are unknown. */
function namesServer() {
  return fakeScope((call) => ({
    body: Object.fromEntries(
      callParams(call)
        .map(([, v]) => Number(v))
        .filter((id) => id < 1e6)
        .map((id) => [id, `n${id}`]),
    ),
  }));
}

const newClient = () => new QueryClient({ defaultOptions: { queries: catmaidQueryDefaults } });
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('per-skeleton cache, batched on the wire', () => {
  it('two concurrent views with overlapping id sets share one request per chunk', async () => {
    const { scope, fake } = namesServer();
    const client = newClient();
    // 1..3000 and 2001..4500 overlap; their union (4,500 ids) is three chunks of 2,000.
    const a = range(1, 3000);
    const b = range(2001, 2500);
    const [na, nb] = await Promise.all([
      client.fetchQuery(neuronNamesQuery(scope, a)),
      client.fetchQuery(neuronNamesQuery(scope, b)),
    ]);
    expect(fake.calls).toHaveLength(Math.ceil(4500 / NEURON_NAMES_CHUNK));
    const sent = fake.calls.flatMap((c) => callParams(c).map(([, v]) => Number(v)));
    expect(sent.sort((x, y) => x - y)).toEqual(range(1, 4500));
    expect(na.size).toBe(3000);
    expect(nb.size).toBe(2500);
    expect(na.get(1)).toBe('n1');
    expect(na.has(4500)).toBe(false);
    expect(nb.get(4500)).toBe('n4500');
    // Each id now has its own entry, shared by every view.
    expect(client.getQueryData(neuronNames.query(scope, 2500).queryKey)).toBe('n2500');
  });

  it('a per-id cache hit avoids the network; only the missing ids are asked', async () => {
    const { scope, fake } = namesServer();
    const client = newClient();
    await client.fetchQuery(neuronNamesQuery(scope, [1, 2, 3]));
    expect(fake.calls).toHaveLength(1);

    // Another view, another set, all cached: no request.
    const again = await client.fetchQuery(neuronNamesQuery(scope, [3, 1]));
    expect(fake.calls).toHaveLength(1);
    expect([...again]).toEqual([
      [1, 'n1'],
      [3, 'n3'],
    ]);
    expect(await client.fetchQuery(neuronNames.query(scope, 2))).toBe('n2');
    expect(fake.calls).toHaveLength(1);

    // A partly new set asks only for the new id.
    await client.fetchQuery(neuronNamesQuery(scope, [2, 3, 4]));
    expect(fake.calls).toHaveLength(2);
    expect(callParams(fake.calls[1])).toEqual([['skids[0]', '4']]);
  });

  it('remembers unknown skeletons as null and refetches an invalidated id', async () => {
    const { scope, fake } = namesServer();
    const client = newClient();
    const names = await client.fetchQuery(neuronNamesQuery(scope, [5, 2_000_000]));
    expect([...names.keys()]).toEqual([5]);
    expect(client.getQueryData(neuronNames.query(scope, 2_000_000).queryKey)).toBeNull();
    await client.fetchQuery(neuronNamesQuery(scope, [2_000_000]));
    expect(fake.calls).toHaveLength(1);

    await client.invalidateQueries({ queryKey: neuronNames.query(scope, 5).queryKey });
    await client.fetchQuery(neuronNamesQuery(scope, [5, 2_000_000, 6]));
    expect(callParams(fake.calls[1])).toEqual([
      ['skids[0]', '5'],
      ['skids[1]', '6'],
    ]);
  });

  it('keeps aspects apart: names and review status of the same skeleton are two entries', async () => {
    const { scope, fake } = fakeScope((call) =>
      call.url.includes('review-status') ? { body: { '7': [10, 4] } } : { body: { '7': 'n7' } },
    );
    const client = newClient();
    await client.fetchQuery(neuronNamesQuery(scope, [7]));
    const review = await client.fetchQuery(reviewStatusQuery(scope, [7]));
    expect(fake.calls).toHaveLength(2);
    expect(review.get(7)).toEqual({ nodeCount: 10, reviewedNodes: 4 });
  });

  it('a view that leaves mid-request still leaves the answer in the per-id cache', async () => {
    const { scope, fake } = namesServer();
    const client = newClient();
    const leaving = new AbortController();
    const load = neuronNames.loadMany(client, scope, [8, 9], leaving.signal);
    leaving.abort(new Error('unmounted'));
    await expect(load).rejects.toThrow('unmounted');
    await vi.waitFor(() =>
      expect(client.getQueryData(neuronNames.query(scope, 9).queryKey)).toBe('n9'),
    );
    expect((await client.fetchQuery(neuronNamesQuery(scope, [8, 9]))).get(8)).toBe('n8');
    expect(fake.calls).toHaveLength(1);
  });

  it('an entry older than the staleTime is asked again', async () => {
    const { scope, fake } = namesServer();
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    await client.fetchQuery(neuronNamesQuery(scope, [1]));
    const state = client.getQueryCache().find({ queryKey: neuronNames.query(scope, 1).queryKey });
    state?.setState({ dataUpdatedAt: Date.now() - 61_000 });
    await neuronNames.loadMany(client, scope, [1]);
    expect(fake.calls).toHaveLength(2);
    await neuronNames.loadMany(client, scope, [1]);
    expect(fake.calls).toHaveLength(2);
  });
});

describe('list key hash', () => {
  it('is the default hash of the key, also for 50,000 ids', () => {
    const { scope } = fakeScope(() => ({ body: {} }));
    const ids = Array.from({ length: 50_000 }, (_, i) => 50_000 - i);
    for (const key of [
      neuronNamesQuery(scope, ids).queryKey,
      neuronNamesQuery(scope, []).queryKey,
      ['x', { b: 1, a: [2] }, { skids: [3, 1] }],
      [{ skids: [1] }],
      ['x', { skids: [1], other: 2 }],
    ]) {
      expect(listKeyHash(key)).toBe(hashKey(key));
    }
  });

  it('is remembered per id array', () => {
    const skids = [1, 2];
    const first = listKeyHash(['a', { skids }]);
    expect(listKeyHash(['b', { skids }])).toBe(first);
    expect(listKeyHash(['b', { skids: [1, 2] }])).toBe(hashKey(['b', { skids: [1, 2] }]));
  });
});
