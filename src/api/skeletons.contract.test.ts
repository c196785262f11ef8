import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dataPath,
  hasShared,
  recording,
  recordingBytes,
  recordingJson,
  recordingText,
} from '../../test-support/shared-fixtures.ts';
import { decodeCompactDetail } from './compact-detail-decode.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchSkeleton, type SkeletonFlags } from './skeletons.ts';

function timed<T>(label: string, fn: () => T): T {
  fn(); // warm-up: a long-lived page or worker decodes many skeletons
  const t0 = performance.now();
  const out = fn();
  console.info(`[timing] ${label}: ${(performance.now() - t0).toFixed(2)} ms`);
  return out;
}

const FLAG_CASES: [file: string, skid: number, flags: SkeletonFlags][] = [
  ['p6-compact-detail-102994-plain.json', 102994, {}],
  [
    'p6-compact-detail-102994-connectors-tags.json',
    102994,
    { withConnectors: true, withTags: true },
  ],
  [
    'p6-compact-detail-102994-history-reviews-annotations-userinfo.json',
    102994,
    { withHistory: true, withReviews: true, withAnnotations: true, withUserInfo: true },
  ],
  [
    'p6-compact-detail-102973-connectors-tags-reviews.json',
    102973,
    { withConnectors: true, withTags: true, withReviews: true },
  ],
  [
    'p6-compact-detail-103184-connectors-tags.json',
    103184,
    { withConnectors: true, withTags: true },
  ],
  [
    'p7-compact-detail-110589-connectors-tags.json',
    110589,
    { withConnectors: true, withTags: true },
  ],
  [
    'p3-compact-detail-102520-all.json',
    102520,
    {
      withConnectors: true,
      withTags: true,
      withHistory: true,
      withReviews: true,
      withAnnotations: true,
      withUserInfo: true,
    },
  ],
];

describe.skipIf(!hasShared)('compact-detail against real CATMAID responses', () => {
  it.each(FLAG_CASES)('%s: recorded request, consistent decode', async (file, skid, flags) => {
    const rec = recording(file);
    const { scope, fake } = fakeScope(
      () => ({ body: recordingText(file) }),
      Number(rec.path.split('/')[1]),
    );
    const d = await fetchSkeleton(scope, skid, flags);
    expect(fake.calls[0]?.url.split('?')[0]).toBe(`/api/catmaid${rec.path}`);
    expect(callParams(fake.calls[0]).sort()).toEqual(
      rec.params.filter(([k]) => k !== 'with_merge_history').sort(),
    );

    const raw = recordingJson(file) as unknown[][];
    expect(d.nodeCount).toBe(raw[0]?.length);
    expect(d.connectors.nodeIndex.length).toBe(raw[1]?.length);
    expect(d.parentIndex.filter((p) => p === -1)).toHaveLength(1);
    expect(d.parentIndex[d.rootIndex]).toBe(-1);
    expect(d.connectors.nodeIndex.every((i) => i >= 0 && i < d.nodeCount)).toBe(true);
    expect(d.reviews.nodeIndex.every((i) => i >= 0)).toBe(true);
    if (flags.withHistory) {
      expect(d.creationTimes?.every((t) => Number.isFinite(t))).toBe(true);
      expect(d.editionTimes?.every((t, i) => t >= (d.creationTimes?.[i] ?? Infinity))).toBe(true);
    }
  });

  it('p6 102994 (1a PN right): 1,915 nodes, root = soma = node 23674, 133 links (30 pre / 103 post)', () => {
    const d = decodeCompactDetail(
      recordingJson('p6-compact-detail-102994-connectors-tags.json'),
      102994,
    );
    expect(d.nodeCount).toBe(1915);
    expect(d.nodeIds[d.rootIndex]).toBe(23674);
    expect(d.parentIndex[d.rootIndex]).toBe(-1);
    expect(d.somaIndex).toBe(d.rootIndex);
    expect(d.tags.get('soma')?.[0]).toBe(d.somaIndex);
    expect(d.radii[d.somaIndex]).toBe(2000);
    expect(d.connectors.relations.filter((r) => r === 0)).toHaveLength(30);
    expect(d.connectors.relations.filter((r) => r === 1)).toHaveLength(103);
  });

  it('p6 102994 with history/reviews/annotations/user info', () => {
    const d = decodeCompactDetail(
      recordingJson('p6-compact-detail-102994-history-reviews-annotations-userinfo.json'),
      102994,
    );
    expect(d.creationTimes?.[0]).toBeCloseTo(Date.UTC(2025, 3, 14, 10, 22, 16, 885) + 0.731, 3);
    expect(d.reviews.reviewerIds).toHaveLength(1915);
    expect(d.reviews.reviewTimes?.[0]).toBeCloseTo(Date.UTC(2026, 9, 19, 8, 0, 2, 245) + 0.288, 3);
    expect(d.annotationIds).toEqual([102997, 102999, 102952, 102954, 102956, 102958]);
    const all = decodeCompactDetail(recordingJson('p6-compact-detail-102994-all.json'), 102994);
    expect(all.connectors.linkUserIds?.[0]).toBe(10);
    expect(all.somaIndex).toBe(d.rootIndex);
  });

  it('p6 102973 (broad D1): 6,159 nodes, every node reviewed, 724 links; decode is fast', () => {
    const raw = recordingJson('p6-compact-detail-102973-connectors-tags-reviews.json');
    const d = timed('decode p6 102973 (461 KB JSON, 6,159 nodes, 8,623 reviews)', () =>
      decodeCompactDetail(raw, 102973),
    );
    expect(d.nodeCount).toBe(6159);
    expect(new Set(d.reviews.nodeIndex).size).toBe(6159);
    expect(d.connectors.connectorIds).toHaveLength(724);
  });

  it('p7 110589 (largest, 19,920 nodes): two soma tags, first one wins', () => {
    const raw = recordingJson('p7-compact-detail-110589-connectors-tags.json');
    const d = timed('decode p7 110589 (1 MB JSON, 19,920 nodes)', () =>
      decodeCompactDetail(raw, 110589),
    );
    expect(d.nodeCount).toBe(19920);
    expect(d.tags.get('soma')).toHaveLength(2);
    expect(d.somaIndex).toBe(d.tags.get('soma')?.[0]);
    expect(d.connectors.relations.filter((r) => r === 0)).toHaveLength(198);
  });

  it('p6 103184 (ddaC): no soma tag → somaIndex -1', () => {
    expect(
      decodeCompactDetail(recordingJson('p6-compact-detail-103184-connectors-tags.json'), 103184)
        .somaIndex,
    ).toBe(-1);
  });

  it('msgpack decode equals the JSON connectors-tags decode', async () => {
    const file = 'p6-compact-detail-102994-connectors-tags-msgpack.msgpack';
    const rec = recording(file);
    const bytes = recordingBytes(file);
    const { scope, fake } = fakeScope(() => ({ body: bytes }));
    const fromMsgpack = await fetchSkeleton(scope, 102994, {
      withConnectors: true,
      withTags: true,
      format: 'msgpack',
    });
    expect(callParams(fake.calls[0]).sort()).toEqual([...rec.params].sort());
    const fromJson = decodeCompactDetail(
      recordingJson('p6-compact-detail-102994-connectors-tags.json'),
      102994,
    );
    expect(fromMsgpack).toEqual(fromJson);
  });

  it('a project-6 skeleton read through project 3 decodes (ids are not checked per project)', () => {
    expect(
      decodeCompactDetail(recordingJson('error-wrong-project-skeleton.json'), 102994).nodeCount,
    ).toBe(1915);
  });

  it('a nonexistent skeleton is a 404 CatmaidError', async () => {
    const { scope } = fakeScope(() => ({
      status: 404,
      body: recordingText('error-nonexistent-skeleton-compact-detail.json'),
    }));
    await expect(fetchSkeleton(scope, 999999999)).rejects.toMatchObject({
      kind: 'catmaid',
      status: 404,
    });
  });

  describe('FAFB 2019 (production server)', () => {
    const base = dataPath('fafb-catmaid-api-recordings/api/1');
    const detailFiles = hasShared
      ? readdirSync(`${base}/skeletons`)
          .filter((name) => /^\d+$/.test(name))
          .flatMap((skid) =>
            readdirSync(`${base}/skeletons/${skid}`)
              .filter((f) => f.startsWith('compact-detail-'))
              .map((f) => [Number(skid), `skeletons/${skid}/${f}`] as const),
          )
      : [];
    const legacy = ['1132350/0/0', '1132350/1/1', '1132750/1/1'].map(
      (p) => [Number(p.split('/')[0]), `${p}/compact-skeleton.json`] as const,
    );
    const COUNTS: Record<number, number> = {
      1132350: 1296,
      1132750: 1250,
      10484771: 1308,
      7349300: 506,
      7176699: 1,
    };

    it.each([...detailFiles, ...legacy])('%i %s', (skid, rel) => {
      const raw: unknown = JSON.parse(readFileSync(`${base}/${rel}`, 'utf8'));
      const d = decodeCompactDetail(raw, skid);
      expect(d.nodeCount).toBe(COUNTS[skid]);
      expect(d.rootIndex).toBeGreaterThanOrEqual(0);
      expect(d.parentIndex.filter((p) => p === -1)).toHaveLength(1);
    });
  });
});
