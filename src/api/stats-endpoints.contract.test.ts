import { describe, expect, it } from 'vitest';
import {
  hasShared,
  recording,
  recordingJson,
  recordingText,
} from '../../test-support/shared-fixtures.ts';
import { fetchConnectorLinks } from './connector-links.ts';
import { fetchContributorStats } from './contributor-stats.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchNodeUserInfo } from './node-user-info.ts';
import { fetchReviewStatus } from './review-status.ts';
import { fetchSkeletonAnnotations } from './skeleton-annotations.ts';
import { fetchNodeCounts } from './stats-summary.ts';
import { fetchUserHistory } from './user-history.ts';

const ids = (file: string, prefix: string) =>
  recording(file)
    .params.filter(([k]) => k.startsWith(prefix))
    .map(([, v]) => Number(v));

describe.skipIf(!hasShared)('stats endpoints against real CATMAID responses', () => {
  it('review-status: same request, [total, reviewed] per skeleton', async () => {
    const file = 'p6-review-status.json';
    const { scope, fake } = fakeScope(() => ({ body: recordingText(file) }));
    const r = await fetchReviewStatus(scope, ids(file, 'skeleton_ids'));
    expect(callParams(fake.calls[0])).toEqual(recording(file).params);
    expect(r.get(102994)).toEqual({ nodeCount: 1915, reviewedNodes: 1915 });
    expect(r.get(102945)).toEqual({ nodeCount: 1101, reviewedNodes: 0 });
  });

  it('contributor statistics: same request, per-user maps as in the recording', async () => {
    const file = 'p6-contributor-statistics-multiple.json';
    const { scope, fake } = fakeScope(() => ({ body: recordingText(file) }));
    const s = await fetchContributorStats(scope, ids(file, 'skids'));
    expect(callParams(fake.calls[0])).toEqual(recording(file).params);
    expect(s.nodeCount).toBe(25301);
    expect([...s.nodes.values()].reduce((a, b) => a + b, 0)).toBe(25301);
    expect(s.reviews.get(10)).toBe(6159);
    expect(s.preCount + s.postCount).toBe(3423);
  });

  it('node/user-info: same request, creators, times and reviews decoded', async () => {
    const file = 'p6-node-user-info.json';
    const { scope, fake } = fakeScope(() => ({ body: recordingText(file) }));
    const info = await fetchNodeUserInfo(scope, ids(file, 'node_ids'));
    expect(callParams(fake.calls[0])).toEqual(recording(file).params);
    expect(info.nodeIds.length).toBe(3);
    const i = [...info.nodeIds].indexOf(22606);
    expect(info.creatorIds[i]).toBe(13);
    expect(info.creationTimes[i]).toBe(Date.parse('2025-07-14T08:46:05.733Z') + 0.141);
    expect([...info.reviewerIds]).toEqual([11, 11]);
  });

  it('connectors/links: rows decoded (GET recording; the module POSTs the same fields)', async () => {
    const file = 'p6-connectors-links-pre.json';
    const { scope, fake } = fakeScope(() => ({ body: recordingText(file) }));
    const links = await fetchConnectorLinks(scope, [102994], 'presynaptic_to');
    expect(callParams(fake.calls[0])).toEqual([
      ['skeleton_ids[0]', '102994'],
      ['relation_type', 'presynaptic_to'],
      ['with_tags', 'false'],
    ]);
    const raw = recordingJson(file) as { links: unknown[][] };
    expect(links.connectorIds.length).toBe(raw.links.length);
    expect(links.creatorIds[0]).toBe(13);
    expect(links.connectorIds[0]).toBe(76028);
  });

  it('annotationlist: names per skeleton', async () => {
    const file = 'p6-skeleton-annotationlist-meta.json';
    const { scope } = fakeScope(() => ({ body: recordingText(file) }));
    const a = await fetchSkeletonAnnotations(scope, ids(file, 'skeleton_ids'));
    expect(a.get(102945)).toContain('ORN');
  });

  it('user-history: decodes, merges windows, and the nodecount agrees on the total', async () => {
    const { scope } = fakeScope(() => ({
      body: recordingText('p6-stats-user-history-2025-05.json'),
    }));
    const h = await fetchUserHistory(scope, '2025-05-01', '2025-05-31');
    expect(h.days).toHaveLength(31);
    expect(h.days[0]).toBe('2025-05-01');
    expect(h.entries.every((e) => e.day.startsWith('2025-05'))).toBe(true);
    const all = fakeScope(() => ({ body: recordingText('p6-stats-user-history.json') }));
    const full = await fetchUserHistory(all.scope, '2025-01-01', '2026-10-31');
    // 669 days → four ≤ 180-day requests, each answered with the full recording: days dedupe.
    expect(all.fake.calls).toHaveLength(4);
    const counts = fakeScope(() => ({ body: recordingText('p6-stats-nodecount.json') }));
    const byUser = await fetchNodeCounts(counts.scope);
    expect(byUser.get(9)).toBe(21677);
    expect(full.days.length).toBe(669);
  });

  it('user-history: a malformed date is a typed 400', async () => {
    const { scope } = fakeScope(() => ({
      status: 400,
      body: recordingText('error-malformed-date.json'),
    }));
    await expect(fetchUserHistory(scope, '2025-01-01', '2025-01-02')).rejects.toMatchObject({
      status: 400,
    });
  });
});
