/**
 * GET /{pid}/skeletons/{skid}/root, which "Open in CATMAID" links use: the real shape (API ref
 * §4: `{root_id, x, y, z}`), the root of compact-detail's tree, and a 500 `DoesNotExist`
 * CATMAID error for a skeleton the project lacks, as a real server answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from './server.ts';
import { request, startTestServer } from './testing/demo-client.ts';

type NodeRow = [number, number | null, number, number, number, number, number, number];

describe('demo skeleton root', () => {
  let server: DemoServer;
  let skids: number[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    skids = (await request(server, 'GET', '/1/skeletons/')).json() as number[];
  });
  afterAll(() => server?.close());

  it('answers {root_id, x, y, z} at the parentless node of compact-detail', async () => {
    expect(skids.length).toBeGreaterThan(2);
    for (const skid of skids.slice(0, 3)) {
      const answer = await request(server, 'GET', `/1/skeletons/${skid}/root`);
      expect(answer.status).toBe(200);
      const root = answer.json() as Record<string, number>;
      expect(Object.keys(root).sort()).toEqual(['root_id', 'x', 'y', 'z']);
      const detail = (
        await request(server, 'GET', `/1/skeletons/${skid}/compact-detail`)
      ).json() as [NodeRow[]];
      const roots = detail[0].filter((n) => n[1] === null);
      expect(roots).toHaveLength(1);
      const [id, , , x, y, z] = roots[0] ?? [];
      expect(root).toEqual({ root_id: id, x, y, z });
    }
  });

  it('answers 500 DoesNotExist for an unknown skeleton', async () => {
    const answer = await request(server, 'GET', '/1/skeletons/999999999/root');
    expect(answer.status).toBe(500);
    expect(answer.json()).toMatchObject({
      type: 'DoesNotExist',
      error: expect.stringMatching(/does not exist/) as unknown,
    });
  });
});
