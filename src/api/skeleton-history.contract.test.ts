import { describe, expect, it } from 'vitest';
import { hasShared, recordingJson, recordingText } from '../../test-support/shared-fixtures.ts';
import { fakeScope } from './fake-scope.ts';
import { decodeSkeletonHistory, fetchSkeletonHistory } from './skeleton-history.ts';

const FILE = 'p6-compact-detail-102994-history-reviews-annotations-userinfo.json';

describe.skipIf(!hasShared)('neuron history against a real CATMAID response', () => {
  it(`decodes ${FILE}: live rows, creation times, timed reviews`, async () => {
    const raw = recordingJson(FILE) as unknown[][];
    const { scope, fake } = fakeScope(() => ({ body: recordingText(FILE) }));
    const h = await fetchSkeletonHistory(scope, 102994);
    const url = fake.calls[0]?.url ?? '';
    expect(url.startsWith('/api/catmaid/6/skeletons/102994/compact-detail?')).toBe(true);
    expect(new URLSearchParams(url.split('?')[1]).get('with_history')).toBe('true');

    expect(h.versions).toHaveLength(raw[0]?.length ?? -1);
    expect(h.versions.every((v) => v.ordering === 1 && v.validTo === Infinity)).toBe(true);
    // The first recorded row: [22601, 22602, 17, …, "2025-04-14 10:22:16.885731+00:00", same, 1].
    expect(h.versions[0]).toMatchObject({
      nodeId: 22601,
      parentId: 22602,
      userId: 17,
      createdAt: Date.parse('2025-04-14T10:22:16.885Z') + 0.731,
    });
    expect(h.reviews).toHaveLength(raw[3]?.length ?? -1);
    expect(h.reviews[0]).toEqual({
      nodeId: 22601,
      reviewerId: 11,
      time: Date.parse('2026-10-19T08:00:02.245Z') + 0.288,
    });
    expect(h.tags).toEqual([]);
    expect(h.connectors).toEqual([]);
  });
});

describe('decodeSkeletonHistory', () => {
  // Rows of the API reference's history example (§4.1), plus a historic version.
  const answer = [
    [
      [
        2468,
        null,
        6,
        900,
        1200,
        900,
        350,
        5,
        '2026-10-19 09:00:37+00:00',
        '2026-10-19 09:00:37+00:00',
        1,
      ],
      [
        2469,
        2468,
        6,
        1000,
        1200,
        900,
        -1,
        5,
        '2026-10-20 09:00:00+00:00',
        '2026-10-19 09:01:00+00:00',
        1,
      ],
      [
        2469,
        2468,
        6,
        990,
        1200,
        900,
        -1,
        5,
        '2026-10-19 09:01:00+00:00',
        '2026-10-20 09:00:00+00:00',
        2,
      ],
    ],
    [
      [
        2468,
        3322,
        0,
        2197.8,
        2142.9,
        1035.0,
        '2026-10-19 09:31:50+00:00',
        '2026-10-19 09:31:50+00:00',
        6,
      ],
    ],
    {
      soma: [[2468, '2026-11-22 06:11:14.690420+00:00', 6]],
      ends: [[2469, '2026-11-22 06:11:14+00:00']],
    },
    [[2468, 300, 7, '2026-10-22 14:55:00+00:00']],
    [],
  ];

  it('keeps live and historic versions with their validity', () => {
    const h = decodeSkeletonHistory(answer, 1);
    expect(h.versions.map((v) => [v.nodeId, v.ordering, v.x])).toEqual([
      [2468, 1, 900],
      [2469, 1, 1000],
      [2469, 2, 990],
    ]);
    expect(h.versions[1]).toMatchObject({
      validFrom: Date.parse('2026-10-20T09:00:00Z'),
      validTo: Infinity,
      createdAt: Date.parse('2026-10-19T09:01:00Z'),
    });
    expect(h.versions[2]).toMatchObject({
      validFrom: Date.parse('2026-10-19T09:01:00Z'),
      validTo: Date.parse('2026-10-20T09:00:00Z'),
    });
    expect(h.connectors).toEqual([
      {
        nodeId: 2468,
        connectorId: 3322,
        relation: 0,
        createdAt: Date.parse('2026-10-19T09:31:50Z'),
      },
    ]);
    expect(h.tags.map((t) => [t.tag, t.nodeId])).toEqual([
      ['soma', 2468],
      ['ends', 2469],
    ]);
    expect(h.reviews).toEqual([
      { nodeId: 2468, reviewerId: 7, time: Date.parse('2026-10-22T14:55:00Z') },
    ]);
  });

  it('names the skeleton and the row of a malformed answer', () => {
    expect(() =>
      decodeSkeletonHistory([[[1, null, 6, 0, 0, 0, -1, 5]], [], {}, [], []], 9),
    ).toThrow(/skeleton 9: nodes\[0\]/);
    expect(() => decodeSkeletonHistory({}, 9)).toThrow(/skeleton 9/);
  });
});
