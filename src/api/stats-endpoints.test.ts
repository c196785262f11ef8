import { describe, expect, it } from 'vitest';
import { distinctConnectorIds, fetchConnectorsBetween } from './connectors-between.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchAggregates } from './stats-summary.ts';
import { splitDateRange } from './user-history.ts';
import { fetchConnectivity } from './connectivity.ts';
import { fetchReviewStatus } from './review-status.ts';

describe('splitDateRange', () => {
  it('makes inclusive windows of at most 180 days', () => {
    expect(splitDateRange('2025-01-01', '2025-01-01')).toEqual([['2025-01-01', '2025-01-01']]);
    const w = splitDateRange('2025-01-01', '2025-12-31');
    expect(w).toEqual([
      ['2025-01-01', '2025-06-29'],
      ['2025-06-30', '2025-12-26'],
      ['2025-12-27', '2025-12-31'],
    ]);
  });
  it('rejects malformed and reversed ranges', () => {
    expect(() => splitDateRange('2025-13-45', '2025-12-31')).toThrow(RangeError);
    expect(() => splitDateRange('2025-02-30', '2025-12-31')).toThrow(RangeError);
    expect(() => splitDateRange('2025-12-31', '2025-01-01')).toThrow(/after/);
  });
});

describe('small endpoint modules', () => {
  it('many_to_many: indexed params, 12-column rows', async () => {
    const row = [3320, [1, 2, 3], 2490, 102520, 5, 6, [4, 5, 6], 3008, 102551, 4, 7, [7, 8, 9]];
    const { scope, fake } = fakeScope(() => ({
      body: [row, [...row.slice(0, 7), 3009, 102551, 5, 7, [1, 1, 1]]],
    }));
    const links = await fetchConnectorsBetween(scope, [102520], [102551], 'presynaptic_to');
    expect(callParams(fake.calls[0])).toEqual([
      ['skids1[0]', '102520'],
      ['skids2[0]', '102551'],
      ['relation', 'presynaptic_to'],
    ]);
    expect(links[0]).toMatchObject({
      connectorId: 3320,
      fromSkeletonId: 102520,
      toSkeletonId: 102551,
      toConfidence: 4,
    });
    expect(distinctConnectorIds(links)).toEqual([3320]);
  });

  it('a malformed many_to_many row is a SchemaError', async () => {
    const { scope } = fakeScope(() => ({ body: [[1, [1, 2, 3]]] }));
    await expect(fetchConnectorsBetween(scope, [1], [2], 'presynaptic_to')).rejects.toThrow(
      /many_to_many/,
    );
  });

  it('aggregates: flags dropped keys become null', async () => {
    const { scope } = fakeScope(() => ({ body: { n_treenodes: 947, n_skeletons: 22 } }));
    expect(await fetchAggregates(scope)).toEqual({
      cableLength: null,
      nodes: 947,
      connectors: null,
      skeletons: 22,
      skeletonsWithCable: null,
    });
  });

  it('no ids → no request (the server would answer 400/500)', async () => {
    const { scope, fake } = fakeScope(() => ({ body: {} }));
    expect((await fetchConnectivity(scope, [])).upstream).toEqual([]);
    expect((await fetchReviewStatus(scope, [])).size).toBe(0);
    expect(fake.calls).toHaveLength(0);
  });

  it('connectivity: OR always, confidence bins must have 5 entries', async () => {
    const { scope, fake } = fakeScope(() => ({
      body: { incoming: { '5': { num_nodes: 3, skids: { '1': [0, 1] } } } },
    }));
    await expect(fetchConnectivity(scope, [1])).rejects.toThrow(/5 confidence counts/);
    expect(callParams(fake.calls[0])).toContainEqual(['boolean_op', 'OR']);
  });
});
