import { describe, expect, it } from 'vitest';
import { hasShared, recording, recordingText } from '../../test-support/shared-fixtures.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchSkeletonsBatch } from './skeletons-batch.ts';

// README skeleton table: nodes and (pre/post) links of the six olfactory neurons.
const OLFACTORY: Record<number, [nodes: number, pre: number, post: number]> = {
  102945: [1101, 41, 39],
  102961: [6281, 268, 1127],
  102973: [6159, 244, 480],
  102984: [5678, 220, 436],
  102994: [1915, 30, 103],
  103006: [4167, 83, 352],
};

describe.skipIf(!hasShared)('batch compact-detail against real CATMAID responses', () => {
  it('olfactory batch: 6 skeletons whose node and link counts match the README', async () => {
    const file = 'p6-compact-detail-batch-olfactory.json';
    const rec = recording(file);
    const { scope, fake } = fakeScope(() => ({ body: recordingText(file) }));
    const skids = Object.keys(OLFACTORY).map(Number);
    const flags = { withConnectors: true, withTags: true };
    for (const run of ['cold', 'warm']) {
      const t0 = performance.now();
      await fetchSkeletonsBatch(scope, skids, flags);
      const ms = (performance.now() - t0).toFixed(1);
      console.info(
        `[timing] batch olfactory (1.3 MB, 6 skeletons, 25,301 nodes) fake fetch + parse + decode, ${run}: ${ms} ms`,
      );
    }
    const r = await fetchSkeletonsBatch(scope, skids, flags);
    expect(callParams(fake.calls[0])).toEqual(rec.params);
    expect(r.failed.size).toBe(0);
    expect(r.skeletons.size).toBe(6);
    for (const [skid, [nodes, pre, post]] of Object.entries(OLFACTORY)) {
      const d = r.skeletons.get(Number(skid));
      expect(d?.nodeCount, skid).toBe(nodes);
      expect(d?.connectors.relations.filter((x) => x === 0).length, skid).toBe(pre);
      expect(d?.connectors.relations.filter((x) => x === 1).length, skid).toBe(post);
    }
    // 5 of 6 roots are tagged soma; the ORN (102945) has none.
    expect(r.skeletons.get(102945)?.somaIndex).toBe(-1);
    expect(r.skeletons.get(102994)?.somaIndex).toBe(r.skeletons.get(102994)?.rootIndex);
  });

  it('small batch with annotations and user info', async () => {
    const file = 'p6-compact-detail-batch-small.json';
    const rec = recording(file);
    const { scope, fake } = fakeScope(() => ({ body: recordingText(file) }));
    const r = await fetchSkeletonsBatch(scope, [102945, 103184], {
      withConnectors: true,
      withTags: true,
      withAnnotations: true,
      withUserInfo: true,
    });
    expect(callParams(fake.calls[0])).toEqual(rec.params);
    expect(r.skeletons.get(102945)?.nodeCount).toBe(1101);
    expect(r.skeletons.get(103184)?.nodeCount).toBe(924);
    expect(r.skeletons.get(102945)?.annotationIds).toHaveLength(6);
    expect(r.skeletons.get(103184)?.connectors.linkUserIds?.[0]).toBe(15);
  });
});
