import { describe, expect, it } from 'vitest';
import { demoAnswer } from '../../test-support/msw/demo-answer.ts';
import { demoStore } from '../../test-support/msw/handlers.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchOrigins } from './skeleton-origin.ts';

// No recording of skeletons/origin holds an origin (the test server imported nothing): the
// empty answer is the recorded one (API ref §4.4), the full one the documented shape.
const EMPTY = '{"data_sources": {}, "origins": {}}';
const FULL = JSON.stringify({
  data_sources: {
    '1': { name: 'L1 published', url: 'https://l1.example.org/', source_project_id: 3 },
  },
  origins: {
    '16': { source_id: 4411, data_source_id: 1 },
    '18': { source_id: 9, data_source_id: 1 },
  },
});

describe('skeletons/origin', () => {
  it('posts the skeleton ids as an indexed list and decodes the empty answer to no origins', async () => {
    const { scope, fake } = fakeScope(() => ({ body: EMPTY }));
    const got = await fetchOrigins(scope, [16, 18]);
    expect(got.size).toBe(0);
    expect(fake.calls[0]?.method).toBe('POST');
    expect(fake.calls[0]?.url).toBe('/api/catmaid/6/skeletons/origin');
    expect(callParams(fake.calls[0])).toEqual([
      ['skeleton_ids[0]', '16'],
      ['skeleton_ids[1]', '18'],
    ]);
  });

  it('decodes the documented full shape with each origin’s data source resolved', async () => {
    const { scope } = fakeScope(() => ({ body: FULL }));
    const got = await fetchOrigins(scope, [16, 18, 20]);
    expect(got.get(16)).toEqual({
      skeletonId: 16,
      sourceId: 4411,
      dataSourceId: 1,
      dataSource: {
        id: 1,
        name: 'L1 published',
        url: 'https://l1.example.org/',
        sourceProjectId: 3,
      },
    });
    expect(got.get(18)?.sourceId).toBe(9);
    expect(got.has(20)).toBe(false);
  });

  it('rejects an origin without its source id', async () => {
    const { scope } = fakeScope(() => ({
      body: '{"data_sources": {}, "origins": {"16": {"data_source_id": 1}}}',
    }));
    await expect(fetchOrigins(scope, [16])).rejects.toMatchObject({ kind: 'schema' });
  });

  it('decodes the demo server’s answer, whose origins all point to a listed data source', async () => {
    const ids =
      demoStore()
        .projects.get(1)
        ?.meta.neurons.map((n) => n.skeletonId) ?? [];
    const params = ids.map((id, k): [string, string] => [`skeleton_ids[${k}]`, String(id)]);
    const body = JSON.stringify(demoAnswer('POST', '/1/skeletons/origin', params));
    const { scope } = fakeScope(() => ({ body }));
    const got = await fetchOrigins(scope, ids);
    expect(got.size).toBeGreaterThan(0);
    expect(got.size).toBeLessThan(ids.length);
    for (const o of got.values()) {
      expect(ids).toContain(o.skeletonId);
      expect(o.dataSource?.id).toBe(o.dataSourceId);
      expect(o.dataSource?.url).toMatch(/^https:\/\//);
    }
  });
});
