import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath, hasShared, recordingText } from '../../test-support/shared-fixtures.ts';
import { annotationIdsByName, decodeAnnotations, fetchAnnotations } from './annotations.ts';
import { callParams, fakeScope } from './fake-scope.ts';

describe.skipIf(!hasShared)('annotations against real CATMAID responses', () => {
  it('decodes p6 /annotations/ with users (README annotation ids)', async () => {
    const { scope, fake } = fakeScope(() => ({ body: recordingText('p6-annotations.json') }));
    const annotations = await fetchAnnotations(scope);
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/annotations/');
    expect(annotations).toHaveLength(30);
    const ids = annotationIdsByName(annotations);
    expect(ids.get('ORN')).toBe(102948);
    expect(ids.get('cell class')).toBe(110427);
    expect(annotations.find((a) => a.name === 'ORN')?.users).toEqual([
      { id: 14, login: 'tracer6' },
    ]);
  });

  it('anonymous and p7 answers decode too', () => {
    expect(
      decodeAnnotations(JSON.parse(recordingText('p6-annotations-anonymous.json'))),
    ).toHaveLength(30);
    const p7 = decodeAnnotations(JSON.parse(recordingText('p7-annotations.json')));
    expect(annotationIdsByName(p7).get('papers')).toBe(126421);
  });

  it('sends simple=true for the names-only variant', async () => {
    const { scope, fake } = fakeScope(() => ({ body: { annotations: [{ id: 1, name: 'PN' }] } }));
    expect(await fetchAnnotations(scope, { simple: true })).toEqual([
      { id: 1, name: 'PN', users: [] },
    ]);
    expect(callParams(fake.calls[0])).toEqual([['simple', 'true']]);
  });

  it('decodes the FAFB list of 15,957 annotations fast', () => {
    const raw: unknown = JSON.parse(
      readFileSync(dataPath('fafb-catmaid-api-recordings/api/1/annotations.json'), 'utf8'),
    );
    decodeAnnotations(raw); // warm-up (JIT), as a long-lived page would be
    const t0 = performance.now();
    const annotations = decodeAnnotations(raw);
    const ms = performance.now() - t0;
    console.info(`[timing] FAFB annotations (15,957 rows) decode: ${ms.toFixed(1)} ms`);
    expect(annotations).toHaveLength(15957);
    const users = new Set(annotations.flatMap((a) => a.users.map((u) => u.id)));
    expect(users.size).toBe(173);
    expect(ms).toBeLessThan(200);
  });
});
