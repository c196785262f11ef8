import { describe, expect, it } from 'vitest';
import { isRetryable } from '../lib/http/errors.ts';
import { hasShared, recording, recordingText } from '../../test-support/shared-fixtures.ts';
import { fakeScope } from './fake-scope.ts';
import { fetchSkeletonRoot, skeletonRootQuery } from './skeleton-root.ts';

describe.skipIf(!hasShared)('skeleton root against a real CATMAID response', () => {
  it('decodes p6-skeleton-102994-root.json, asking the recorded path', async () => {
    const rec = recording('p6-skeleton-102994-root.json');
    const { scope, fake } = fakeScope(() => ({
      body: recordingText('p6-skeleton-102994-root.json'),
    }));
    const root = await fetchSkeletonRoot(scope, 102994);
    expect(fake.calls.map((c) => [c.method, c.url])).toEqual([
      [rec.method, `/api/catmaid${rec.path}`],
    ]);
    // The recorded PN's root is its soma node (index.json: pn_soma_node 23674).
    expect(root).toEqual({ nodeId: 23674, location: { x: 17362.2, y: 42240.8, z: 21600 } });
  });
});

describe('skeleton root errors', () => {
  it('an unknown skeleton (500 DoesNotExist) is a CATMAID error that is not retried', async () => {
    const { scope } = fakeScope(() => ({
      status: 500,
      body: JSON.stringify({
        error: 'ClassInstance matching query does not exist.',
        detail: 'Traceback (most recent call last):\n…',
        type: 'DoesNotExist',
        meta: null,
      }),
    }));
    const err: unknown = await fetchSkeletonRoot(scope, 999999999).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'catmaid', status: 500, errorType: 'DoesNotExist' });
    expect(isRetryable(err)).toBe(false);
  });

  it('rejects an answer without a root node', async () => {
    const { scope } = fakeScope(() => ({ body: '{"x": 1, "y": 2, "z": 3}' }));
    await expect(fetchSkeletonRoot(scope, 16)).rejects.toMatchObject({ kind: 'schema' });
  });

  it('caches per skeleton under the project', () => {
    const { scope } = fakeScope(() => ({ body: '{}' }));
    expect(skeletonRootQuery(scope, 16).queryKey).toEqual([
      'catmaid',
      'test',
      6,
      'skeletons',
      16,
      'root',
    ]);
  });
});
