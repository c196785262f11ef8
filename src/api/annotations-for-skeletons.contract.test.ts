import { describe, expect, it } from 'vitest';
import { hasShared, recording, recordingText } from '../../test-support/shared-fixtures.ts';
import { fetchAnnotationsForSkeletons } from './annotations-for-skeletons.ts';
import { callParams, fakeScope } from './fake-scope.ts';

describe.skipIf(!hasShared)('annotations for skeletons against real CATMAID responses', () => {
  it('decodes p6-annotations-forskeletons.json with the recorded request', async () => {
    const rec = recording('p6-annotations-forskeletons.json');
    const skids = rec.params.map(([, v]) => Number(v));
    const { scope, fake } = fakeScope(() => ({
      body: recordingText('p6-annotations-forskeletons.json'),
    }));
    const byskid = await fetchAnnotationsForSkeletons(scope, skids);
    expect(callParams(fake.calls[0])).toEqual(rec.params);
    expect(byskid.size).toBe(6);
    const orn = byskid.get(102945) ?? [];
    expect(orn.map((a) => a.name)).toEqual([
      'ORN',
      'sens-ORN',
      'right',
      'olfactory circuit',
      'Berck 2016',
      'Winding 2023',
    ]);
    expect(orn.every((a) => a.userId === 14)).toBe(true);
  });
});

describe('annotations for skeletons', () => {
  it('sends nothing for an empty list (the server would answer 500)', async () => {
    const { scope, fake } = fakeScope(() => ({ body: '{}' }));
    expect((await fetchAnnotationsForSkeletons(scope, [])).size).toBe(0);
    expect(fake.calls).toHaveLength(0);
  });
});
