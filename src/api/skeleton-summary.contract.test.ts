import { describe, expect, it } from 'vitest';
import { hasShared, recording, recordingText } from '../../test-support/shared-fixtures.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchSkeletonSummaries } from './skeleton-summary.ts';

describe.skipIf(!hasShared)('skeleton summaries against real CATMAID responses', () => {
  it('decodes p6-skeletons-summary.json with the recorded request', async () => {
    const rec = recording('p6-skeletons-summary.json');
    const skids = rec.params.map(([, v]) => Number(v));
    const { scope, fake } = fakeScope(() => ({ body: recordingText('p6-skeletons-summary.json') }));
    const summaries = await fetchSkeletonSummaries(scope, skids);
    expect(callParams(fake.calls[0])).toEqual(rec.params);
    expect(summaries.size).toBe(6);
    const orn = summaries.get(102945);
    expect(orn).toMatchObject({ nodeCount: 1101, lastEditorId: 10, importedNodes: 0 });
    expect(orn?.cableLength).toBeCloseTo(127465.18, 1);
    expect(orn?.createdAt).toBeCloseTo(Date.parse('2025-03-18T13:16:03.963Z'), 0);
  });
});

describe('skeleton summaries on an older server', () => {
  it('falls back to cable-length when skeletons/summary is missing', async () => {
    const { scope, fake } = fakeScope((call) =>
      call.url.includes('/summary')
        ? { status: 404, body: '<h1>Not Found</h1>', contentType: 'text/html' }
        : { body: '{"16": 1234.5}' },
    );
    const summaries = await fetchSkeletonSummaries(scope, [16]);
    expect(fake.calls.map((c) => c.url)).toEqual([
      '/api/catmaid/6/skeletons/summary',
      '/api/catmaid/6/skeletons/cable-length',
    ]);
    expect(summaries.get(16)).toMatchObject({ cableLength: 1234.5, nodeCount: undefined });
  });

  it('does not hide other errors behind the fallback', async () => {
    const { scope } = fakeScope(() => ({
      status: 403,
      body: '{"error": "no", "type": "PermissionError", "detail": ""}',
    }));
    await expect(fetchSkeletonSummaries(scope, [16])).rejects.toMatchObject({
      kind: 'catmaid',
      status: 403,
    });
  });
});
