import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchNodeUserInfo } from './node-info.ts';

describe('node/user-info', () => {
  it('posts indexed node ids and parses isoformat times', async () => {
    const { scope, fake } = fakeScope(() => ({
      body: {
        '2468': {
          user: 6,
          editor: 7,
          creation_time: '2026-10-19T09:00:37+00:00',
          edition_time: '2026-10-19T09:00:37.5+00:00',
          reviewers: [7],
          review_times: ['2026-10-22T14:55:00+00:00'],
        },
      },
    }));
    const info = await fetchNodeUserInfo(scope, [2468, 9999]);
    expect(callParams(fake.calls[0])).toEqual([
      ['node_ids[0]', '2468'],
      ['node_ids[1]', '9999'],
    ]);
    expect(info.get(2468)).toMatchObject({
      creatorId: 6,
      editorId: 7,
      creationTime: Date.UTC(2026, 9, 19, 9, 0, 37),
      reviewerIds: [7],
    });
    expect(info.has(9999)).toBe(false);
  });

  it('asks nothing for no ids', async () => {
    const { scope, fake } = fakeScope(() => ({ body: {} }));
    expect((await fetchNodeUserInfo(scope, [])).size).toBe(0);
    expect(fake.calls).toHaveLength(0);
  });
});
