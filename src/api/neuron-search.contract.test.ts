import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dataPath,
  hasShared,
  recording,
  recordingText,
} from '../../test-support/shared-fixtures.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchNeuronSearch, type NeuronSearchParams } from './neuron-search.ts';

/** Typed params that reproduce each recorded request (the builder adds only explicit defaults). */
const CASES: [file: string, params: NeuronSearchParams, expectTotal: number][] = [
  ['p6-query-targets-all-neurons.json', { withAnnotations: true }, 24],
  ['p6-query-targets-by-name.json', { name: 'broad', withAnnotations: true }, 3],
  ['p6-query-targets-by-name-exact.json', { name: '1a PN right', nameMatch: 'exact' }, 1],
  ['p6-query-targets-by-annotation.json', { annotatedWith: [[102964]], withAnnotations: true }, 4],
  [
    'p6-query-targets-by-annotation-name.json',
    {
      annotatedWith: [['interneuron'], ['left']],
      annotationReference: 'name',
      withAnnotations: true,
    },
    -1,
  ],
  [
    'p6-query-targets-sub-annotations.json',
    { annotatedWith: [[110427]], includeSubAnnotations: true, withAnnotations: true },
    24,
  ],
  [
    'p6-query-targets-sub-annotations-hemisphere.json',
    { annotatedWith: [[110448], [102964]], includeSubAnnotations: [true, false] },
    4,
  ],
  ['p6-query-targets-types-annotation.json', { types: ['annotation'], withAnnotations: true }, -1],
  [
    'p6-query-targets-annotations-of-papers.json',
    { annotatedWith: [[110451]], types: ['annotation'], withAnnotations: true },
    3,
  ],
  [
    'p6-query-targets-with-timestamps.json',
    { annotatedWith: [[102997]], withAnnotations: true, withTimestamps: true },
    -1,
  ],
  [
    'p3-query-targets-by-annotation-sub.json',
    { annotatedWith: [[102884]], includeSubAnnotations: true, withAnnotations: true },
    -1,
  ],
];

const DEFAULTS = new Set(['with_annotations=false', 'with_timestamps=false']);

describe.skipIf(!hasShared)('neuron search against real CATMAID responses', () => {
  it.each(CASES)('%s: same request as recorded, decodes', async (file, params, expectTotal) => {
    const rec = recording(file);
    const { scope, fake } = fakeScope(
      () => ({ status: rec.status, body: recordingText(file) }),
      Number(rec.path.split('/')[1]),
    );
    const result = await fetchNeuronSearch(scope, params);

    expect(fake.calls[0]?.url).toBe(`/api/catmaid${rec.path}`);
    const sent = callParams(fake.calls[0]).map(([k, v]) => `${k}=${v}`);
    const recorded = rec.params.map(([k, v]) => `${k}=${v}`);
    expect(sent.filter((p) => !recorded.includes(p)).every((p) => DEFAULTS.has(p))).toBe(true);
    expect(recorded.filter((p) => !sent.includes(p))).toEqual([]);

    if (expectTotal >= 0) expect(result.total).toBe(expectTotal);
    expect(result.entities.length).toBe(result.total);
    for (const e of result.entities) {
      if (e.type === 'neuron') expect(e.skeletonIds.length).toBeGreaterThan(0);
      else expect(e.skeletonIds).toEqual([]);
    }
  });

  it('decodes ids, skeleton ids, annotations and timestamps as epoch ms', async () => {
    const file = 'p6-query-targets-with-timestamps.json';
    const { scope } = fakeScope(() => ({ body: recordingText(file) }));
    const { entities } = await fetchNeuronSearch(scope, {
      annotatedWith: [[102997]],
      withTimestamps: true,
    });
    const pn = entities.find((e) => e.name === '1a PN right');
    expect(pn).toMatchObject({ id: 102995, type: 'neuron', skeletonIds: [102994] });
    expect(pn?.creationTime).toBe(Date.UTC(2025, 3, 14, 10, 22, 16, 885));
    expect(pn?.annotations[0]).toEqual({
      id: 102997,
      name: 'PN',
      uid: 13,
      creationTime: Date.UTC(2025, 6, 14, 9, 58, 26, 825),
      editionTime: Date.UTC(2025, 6, 14, 9, 58, 26, 825),
    });
  });

  it('the interneuron AND left search returns only left neurons', async () => {
    const file = 'p6-query-targets-by-annotation-name.json';
    const { scope } = fakeScope(() => ({ body: recordingText(file) }));
    const { entities } = await fetchNeuronSearch(scope, {});
    expect(entities.length).toBeGreaterThan(0);
    for (const e of entities)
      expect(e.annotations.map((a) => a.name)).toEqual(
        expect.arrayContaining(['interneuron', 'left']),
      );
  });

  const fafbDir = dataPath('fafb-catmaid-api-recordings/api/1/annotations');
  const fafbFiles = hasShared
    ? readdirSync(fafbDir).filter((f) => f.startsWith('query-targets-'))
    : [];

  it(`decodes every FAFB 2019 query-targets response (${fafbFiles.length} files)`, async () => {
    // The README says 39; the directory holds 38 query-targets files.
    expect(fafbFiles.length).toBeGreaterThanOrEqual(38);
    const neurons = new Set<number>();
    const annotations = new Set<number>();
    for (const f of fafbFiles) {
      const body = readFileSync(`${fafbDir}/${f}`, 'utf8');
      const { scope } = fakeScope(() => ({ body }), 1);
      const r = await fetchNeuronSearch(scope, {});
      expect(r.entities.length, f).toBe(r.total);
      for (const e of r.entities) (e.type === 'neuron' ? neurons : annotations).add(e.id);
    }
    // README: 277 distinct neurons and 42 annotations in total.
    expect(neurons.size).toBe(277);
    expect(annotations.size).toBe(42);
  });
});
