/**
 * The demo server's edit history read the app's way (MSW → decoder → as-of reconstruction): a
 * deleted twig is there as of a date inside its lifetime and gone after it, so the Neuron view's
 * slider has something to show.
 */
import { describe, expect, it } from 'vitest';
import { demoStore } from '../../../test-support/msw/handlers.ts';
import { setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { testScope } from '../../../test-support/msw/scope.ts';
import { fetchSkeletonHistory } from '../../api/skeleton-history.ts';
import { arborAsOf, liveArbor } from './as-of.ts';

setupCatmaidServer();

describe('as of a date on the demo data', () => {
  it('a deleted twig raises the node count inside its lifetime only', async () => {
    const skids = [...(demoStore().projects.get(1)?.skelById.keys() ?? [])];
    for (const skid of skids) {
      const h = await fetchSkeletonHistory(testScope(), skid);
      const live = new Set(liveArbor(h.versions).map((n) => n.nodeId));
      const gone = h.versions.find((v) => !live.has(v.nodeId));
      if (!gone) continue;
      const during = arborAsOf(h.versions, gone.validFrom);
      const after = arborAsOf(h.versions, gone.validTo);
      expect(during.some((n) => n.nodeId === gone.nodeId)).toBe(true);
      expect(after.some((n) => n.nodeId === gone.nodeId)).toBe(false);
      expect(arborAsOf(h.versions, Date.now())).toHaveLength(live.size);
      return;
    }
    throw new Error('no demo skeleton has a deleted node');
  });
});
