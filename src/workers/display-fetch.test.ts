import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from '../api/fake-scope.ts';
import { MAX_BURST_AHEAD } from './burst-params.ts';
import { fetchDisplayBatch, type DisplayFetchOptions } from './display-fetch.ts';

const flags = { withConnectors: true, withTags: true, format: 'msgpack' } as const;

/** The form one fetchDisplayBatch sent (the answer, an empty batch, does not matter here). */
async function sentForm(ids: number[], options?: DisplayFetchOptions) {
  const { scope, fake } = fakeScope(() => ({
    body: new Uint8Array(8),
    contentType: 'application/x-catmaid-dashboard-display',
  }));
  await fetchDisplayBatch(scope.client, 1, ids, flags, options).catch(() => undefined);
  return { pairs: callParams(fake.calls[0]), body: fake.calls[0]?.body ?? '' };
}

describe('the display request’s form', () => {
  it('is the compact-detail form alone without a burst', async () => {
    const { pairs } = await sentForm([5, 6]);
    expect(pairs).toEqual([
      ['skeleton_ids[0]', '5'],
      ['skeleton_ids[1]', '6'],
      ['with_connectors', 'true'],
      ['with_tags', 'true'],
      ['format', 'msgpack'],
    ]);
  });

  it('names the burst and its other skeletons after the compact-detail fields, unchanged', async () => {
    const plain = await sentForm([5, 6]);
    const inBurst = await sentForm([5, 6], { burst: { id: 'b-1', ahead: [4, 5, 6, 7] } });
    expect(inBurst.body.startsWith(`${plain.body}&`)).toBe(true);
    // The request's own ids are not repeated.
    expect(inBurst.pairs.slice(plain.pairs.length)).toEqual([
      ['burst', 'b-1'],
      ['ahead', '4,7'],
    ]);
  });

  it('sends no ahead when the burst has no others, and at most MAX_BURST_AHEAD', async () => {
    const alone = await sentForm([5], { burst: { id: 'b-2', ahead: [5] } });
    expect(alone.pairs.at(-1)).toEqual(['burst', 'b-2']);
    const many = Array.from({ length: MAX_BURST_AHEAD + 500 }, (_, i) => i + 1);
    const capped = await sentForm([1], { burst: { id: 'b-3', ahead: many } });
    const ahead = capped.pairs.find(([k]) => k === 'ahead')?.[1].split(',') ?? [];
    expect(ahead).toHaveLength(MAX_BURST_AHEAD);
    expect(ahead[0]).toBe('2');
  });
});
