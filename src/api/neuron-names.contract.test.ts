import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dataPath,
  hasShared,
  recording,
  recordingText,
} from '../../test-support/shared-fixtures.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchNeuronNames } from './neuron-names.ts';

describe.skipIf(!hasShared)('neuron names against real CATMAID responses', () => {
  it.each(['p6-neuronnames.json', 'p7-neuronnames.json'])(
    '%s: same request, decodes to a Map',
    async (file) => {
      const rec = recording(file);
      const skids = rec.params.map(([, v]) => Number(v));
      const { scope, fake } = fakeScope(
        () => ({ body: recordingText(file) }),
        Number(rec.path.split('/')[1]),
      );
      const names = await fetchNeuronNames(scope, skids);
      expect(callParams(fake.calls[0])).toEqual(rec.params);
      expect(names.size).toBe(skids.length);
      expect([...names.keys()].sort()).toEqual([...skids].sort());
    },
  );

  it('knows the README names', async () => {
    const { scope } = fakeScope(() => ({ body: recordingText('p6-neuronnames.json') }));
    const names = await fetchNeuronNames(scope, [102994, 102945]);
    expect(names.get(102994)).toBe('1a PN right');
    expect(names.get(102945)).toBe('1a ORN right');
  });

  it('an unknown skeleton is omitted (200 {})', async () => {
    const { scope } = fakeScope(() => ({
      body: recordingText('error-nonexistent-skeleton-neuronnames.json'),
    }));
    expect((await fetchNeuronNames(scope, [999999999])).size).toBe(0);
  });

  it('decodes the FAFB neuronnames files', async () => {
    const dir = dataPath('fafb-catmaid-api-recordings/api/1/skeleton');
    const files = readdirSync(dir).filter((f) => f.startsWith('neuronnames-'));
    expect(files).toHaveLength(8);
    for (const f of files) {
      const body = readFileSync(`${dir}/${f}`, 'utf8');
      const { scope } = fakeScope(() => ({ body }), 1);
      const names = await fetchNeuronNames(scope, [1]);
      expect(names.size, f).toBeGreaterThan(0);
    }
  });
});
