/**
 * The worker's compact-detail batches carry the load's burst (burst-params.ts) after CATMAID's
 * own fields, which stay exactly as without it; a load without a burst sends none. The dashboard
 * server takes the hint out before CATMAID (server/cache/compact-detail-burst.test.ts).
 */
import { encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { callParams, fakeScope } from '../api/fake-scope.ts';
import { normalizeSkeletonFlags } from '../api/skeleton-flags.ts';
import type { FakeCall } from '../lib/http/fake-fetch.ts';
import { MAX_BURST_AHEAD } from './burst-params.ts';
import { handleLoad } from './skeleton-load.ts';
import type { LoadRequest } from './skeleton-protocol.ts';
import { testLoadRequest } from './test-load-request.ts';

const flags = normalizeSkeletonFlags({ withConnectors: true, withTags: true, format: 'msgpack' });

const skeleton = (id: number) => [[[id * 10, null, 3, 0, 0, 0, 500, 5]], [], {}, [], []];

/** The compact-detail requests one handleLoad made; ids in `missing` answer 404 as CATMAID. */
async function sent(ids: number[], extra: Partial<LoadRequest> = {}, missing: number[] = []) {
  const { scope, fake } = fakeScope((call) => {
    const asked = callParams(call)
      .filter(([k]) => k.startsWith('skeleton_ids'))
      .map(([, v]) => Number(v));
    if (asked.some((id) => missing.includes(id)))
      return { status: 404, body: { detail: 'Not found.' } };
    const skeletons = Object.fromEntries(asked.map((id) => [id, skeleton(id)]));
    return { body: encode({ skeletons }), contentType: 'application/octet-stream' };
  });
  await handleLoad(testLoadRequest(ids, flags, extra), {
    scope,
    cache: null,
    post: () => undefined,
    now: () => 0,
  });
  return fake.calls;
}

const plainForm = (ids: number[]): [string, string][] => [
  ...ids.map((id, i): [string, string] => [`skeleton_ids[${i}]`, String(id)]),
  ['with_connectors', 'true'],
  ['with_tags', 'true'],
  ['format', 'msgpack'],
];

const bodyOf = (call: FakeCall | undefined) => call?.body ?? '';

describe('the worker’s compact-detail form', () => {
  it('is CATMAID’s form alone for a load without a burst', async () => {
    const calls = await sent([16, 17]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/catmaid/6/skeletons/compact-detail',
    });
    expect(callParams(calls[0])).toEqual(plainForm([16, 17]));
  });

  it('names the burst and its other skeletons after the usual fields, which are unchanged', async () => {
    const [plain] = await sent([16, 17]);
    const [inBurst] = await sent([16, 17], { burst: 'b-1', ahead: [15, 16, 17, 18] });
    expect(bodyOf(inBurst).startsWith(`${bodyOf(plain)}&`)).toBe(true);
    expect(callParams(inBurst)).toEqual([
      ...plainForm([16, 17]),
      ['burst', 'b-1'],
      ['ahead', '15,18'],
    ]);
  });

  it('sends the burst alone when it has no others, and at most MAX_BURST_AHEAD ahead', async () => {
    const [alone] = await sent([16], { burst: 'b-2' });
    expect(callParams(alone).slice(-2)).toEqual([
      ['format', 'msgpack'],
      ['burst', 'b-2'],
    ]);
    const many = Array.from({ length: MAX_BURST_AHEAD + 10 }, (_, i) => i + 1);
    const [capped] = await sent([1], { burst: 'b-3', ahead: many });
    const ahead =
      callParams(capped)
        .find(([k]) => k === 'ahead')?.[1]
        .split(',') ?? [];
    expect(ahead).toHaveLength(MAX_BURST_AHEAD);
    expect(ahead[0]).toBe('2');
  });

  it('names each bisected request’s own ids apart from its batch-mates', async () => {
    // 99 unknown: CATMAID answers 404 for the batch, which is halved until 99 stands alone.
    const calls = await sent([16, 99], { burst: 'b-4', ahead: [16, 99, 20] }, [99]);
    expect(calls.map((c) => callParams(c).slice(-2))).toEqual([
      [
        ['burst', 'b-4'],
        ['ahead', '20'],
      ],
      [
        ['burst', 'b-4'],
        ['ahead', '99,20'],
      ],
      [
        ['burst', 'b-4'],
        ['ahead', '16,20'],
      ],
    ]);
  });
});
