import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from '../../api/fake-scope.ts';
import { fetchPathCandidates } from './path-candidates.ts';

const hist = (n: number) => [0, 0, 0, 0, n];
/** Downstream partner tables of a hand-made circuit: 1 → 10 (5), 1 → 11 (1), 10 → 2 (4). */
const downstream: Record<
  string,
  Record<string, { num_nodes: number; skids: Record<string, number[]> }>
> = {
  '1': {
    '10': { num_nodes: 9, skids: { '1': hist(5) } },
    '11': { num_nodes: 9, skids: { '1': hist(1) } },
  },
  '10': { '2': { num_nodes: 9, skids: { '10': hist(4) } } },
};

describe('fetchPathCandidates', () => {
  const input = { sources: [1], targets: [2], maxHops: 3, minSynapses: 2 };

  it('uses graph/dps when the server answers it', async () => {
    const { scope, fake } = fakeScope(() => ({ body: '[1, 2, 10]' }));
    expect(await fetchPathCandidates(scope, input)).toEqual({ ids: [1, 2, 10], via: 'graph/dps' });
    expect(fake.calls).toHaveLength(3);
  });

  it('falls back to partner tables when the server lacks graph/dps', async () => {
    const { scope, fake } = fakeScope((call) => {
      if (call.url.endsWith('/graph/dps'))
        return {
          status: 404,
          body: '<html><title>Page not found</title></html>',
          headers: { 'content-type': 'text/html' },
        };
      const sources = callParams(call)
        .filter(([k]) => k.startsWith('source_skeleton_ids'))
        .map(([, v]) => v);
      const outgoing = Object.assign({}, ...sources.map((s) => downstream[s] ?? {}));
      return {
        body: JSON.stringify({
          incoming: {},
          outgoing,
          incoming_reviewers: [],
          outgoing_reviewers: [],
        }),
      };
    });
    // 11 has one synapse from 1: below the threshold, not a candidate.
    expect(await fetchPathCandidates(scope, input)).toEqual({
      ids: [1, 2, 10],
      via: 'partner tables',
    });
    expect(fake.calls.filter((c) => c.url.endsWith('/skeletons/connectivity'))).toHaveLength(2);
  });

  it('does not hide a rejected token behind the fallback', async () => {
    const { scope } = fakeScope(() => ({ status: 401, body: '{"detail": "Invalid token."}' }));
    await expect(fetchPathCandidates(scope, input)).rejects.toMatchObject({ status: 401 });
  });
});
