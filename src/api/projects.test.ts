import { describe, expect, it } from 'vitest';
import { fakeScope } from './fake-scope.ts';
import {
  fetchProjects,
  fetchStackInfo,
  projectsQuery,
  stackInfoQuery,
  stacksQuery,
} from './projects.ts';

const STACK_INFO = {
  sid: 8,
  pid: 7,
  stitle: 'L3',
  ptitle: 'L3 larva',
  resolution: { x: 4, y: 4, z: 50 },
  translation: { x: 1, y: 2, z: 3 },
  dimension: { x: 10, y: 20, z: 30 },
  orientation: 2,
  num_zoom_levels: 5,
  comment: null,
  description: '',
  mirrors: [],
};

describe('projects (good / bad fixtures)', () => {
  it('decodes stack info orientation codes', async () => {
    const { scope } = fakeScope(() => ({ body: STACK_INFO }), 7);
    expect(await fetchStackInfo(scope, 8)).toMatchObject({
      orientation: 'zy',
      comment: '',
      numZoomLevels: 5,
    });
  });

  it('a project without stacks array is a SchemaError naming the endpoint', async () => {
    const { scope } = fakeScope(() => ({ body: [{ id: 1, title: 'x', comment: null }] }));
    await expect(fetchProjects(scope)).rejects.toMatchObject({
      kind: 'schema',
      endpoint: 'GET /projects/',
    });
  });

  it('a 2-D dimensions tuple is rejected', async () => {
    const body = [
      {
        id: 1,
        title: 'x',
        comment: null,
        stacks: [{ id: 1, title: 's', comment: '', dimensions: [1, 2] }],
      },
    ];
    const { scope } = fakeScope(() => ({ body }));
    await expect(fetchProjects(scope)).rejects.toMatchObject({ kind: 'schema' });
  });

  it('builds hierarchical keys', () => {
    const { scope } = fakeScope(() => ({ body: [] }), 7);
    expect(projectsQuery(scope).queryKey).toEqual(['catmaid', 'test', 'projects']);
    expect(stacksQuery(scope).queryKey).toEqual(['catmaid', 'test', 7, 'stacks']);
    expect(stackInfoQuery(scope, 8).queryKey).toEqual(['catmaid', 'test', 7, 'stacks', 8, 'info']);
  });
});
