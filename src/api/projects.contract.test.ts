import { describe, expect, it } from 'vitest';
import { hasShared, recording, recordingText } from '../../test-support/shared-fixtures.ts';
import { callParams, fakeScope } from './fake-scope.ts';
import { fetchProjects, fetchStackInfo, fetchStacks } from './projects.ts';
import { fetchUsers } from './users.ts';
import { dataPath } from '../../test-support/shared-fixtures.ts';
import { readFileSync } from 'node:fs';

const replay = (file: string, projectId = 6) =>
  fakeScope(() => ({ status: recording(file).status, body: recordingText(file) }), projectId);

describe.skipIf(!hasShared)('projects, stacks, users against real CATMAID responses', () => {
  it('decodes /projects/ (admin): 8 projects, stacks with dimensions, null comments as ""', async () => {
    const { scope, fake } = replay('projects.json');
    const projects = await fetchProjects(scope);
    expect(fake.calls[0]?.url).toBe('/api/catmaid/projects/');
    expect(projects.map((p) => p.id)).toEqual([-1, 1, 2, 3, 6, 7, 5, 4]);
    const p6 = projects.find((p) => p.id === 6);
    expect(p6?.title).toBe('L1 larva (real neurons)');
    expect(p6?.stacks).toEqual([
      expect.objectContaining({ id: 7, dimensions: [28128, 31840, 4841] }),
    ]);
    expect(projects.find((p) => p.id === 3)?.comment).toBe('');
  });

  it('decodes /projects/ as seen anonymously (only public projects)', async () => {
    const { scope } = replay('projects-anonymous.json');
    expect((await fetchProjects(scope)).map((p) => p.id).sort()).toEqual([6, 7]);
  });

  it('decodes /{pid}/stacks for projects 6 and 7', async () => {
    const { scope, fake } = replay('p6-stacks.json');
    expect(await fetchStacks(scope)).toEqual([
      expect.objectContaining({
        id: 7,
        projectId: 6,
        title: 'L1 CNS 0-tilt (placeholder, no tiles)',
      }),
    ]);
    expect(fake.calls[0]?.url).toBe(`/api/catmaid${recording('p6-stacks.json').path}`);
    const p7 = replay('p7-stacks.json', 7);
    expect((await fetchStacks(p7.scope))[0]).toMatchObject({ id: 8, projectId: 7 });
  });

  it('decodes /{pid}/stack/{sid}/info: resolution, translation, dimension, orientation', async () => {
    const { scope, fake } = replay('p6-stack-7-info.json');
    const info = await fetchStackInfo(scope, 7);
    expect(fake.calls[0]?.url).toBe(`/api/catmaid${recording('p6-stack-7-info.json').path}`);
    expect(info).toMatchObject({
      stackId: 7,
      projectId: 6,
      resolution: { x: 3.8, y: 3.8, z: 50 },
      translation: { x: 0, y: 0, z: 0 },
      dimension: { x: 28128, y: 31840, z: 4841 },
      orientation: 'xy',
      numZoomLevels: -1,
    });
  });

  it('decodes /user-list (recorded server)', async () => {
    const { scope, fake } = replay('user-list.json');
    const users = await fetchUsers(scope);
    expect(callParams(fake.calls[0])).toEqual([]);
    const anon = users.find((u) => u.login === 'AnonymousUser');
    expect(anon).toMatchObject({ id: 1, fullName: 'AnonymousUser', color: [0, 1, 0] });
    expect(users.find((u) => u.id === 9)).toMatchObject({
      login: 'tracer1',
      fullName: 'Tracer 01',
      color: [0.5, 1, 0],
    });
  });

  it('decodes the FAFB /user-list: 269 users', async () => {
    const body = readFileSync(dataPath('fafb-catmaid-api-recordings/api/user-list.json'), 'utf8');
    const { scope } = fakeScope(() => ({ body }));
    const users = await fetchUsers(scope);
    expect(users).toHaveLength(269);
    expect(new Set(users.map((u) => u.id)).size).toBe(269);
    for (const u of users) expect(u.color).toHaveLength(3);
  });
});
