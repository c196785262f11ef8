/**
 * The demo server's spatial endpoints answer with CATMAID's shapes and bounding-box semantics:
 * skeletons/in-bounding-box (box or volume_id), connectors/in-bounding-box (8/11-column link
 * rows, connectors reached through a link segment), skeleton-innervations and the volume
 * bounding-box point test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from './server.ts';
import { request, startTestServer } from './testing/demo-client.ts';

let server: DemoServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const json = async (method: 'GET' | 'POST', path: string, params: [string, string][] = []) => {
  const a = await request(server, method, path, params);
  return { status: a.status, body: a.json() };
};

describe('demo spatial endpoints', () => {
  it('skeletons/in-bounding-box: a volume id means its bounding box, a box narrows further', async () => {
    const volume = (await json('GET', '/1/volumes/5/')).body as {
      bbox: { min: Record<'x' | 'y' | 'z', number>; max: Record<'x' | 'y' | 'z', number> };
    };
    const byVolume = (await json('POST', '/1/skeletons/in-bounding-box', [['volume_id', '5']]))
      .body as number[];
    const { min, max } = volume.bbox;
    const byBox = (
      await json('GET', '/1/skeletons/in-bounding-box', [
        ['minx', String(min.x)],
        ['miny', String(min.y)],
        ['minz', String(min.z)],
        ['maxx', String(max.x)],
        ['maxy', String(max.y)],
        ['maxz', String(max.z)],
      ])
    ).body as number[];
    expect(byVolume.length).toBeGreaterThan(0);
    expect(byBox).toEqual(byVolume);
    const restricted = (
      await json('POST', '/1/skeletons/in-bounding-box', [
        ['volume_id', '5'],
        ['skeleton_ids[0]', String(byVolume[0])],
      ])
    ).body;
    expect(restricted).toEqual([byVolume[0]]);
    const far = await json('POST', '/1/skeletons/in-bounding-box', [
      ['minx', '-9'],
      ['miny', '-9'],
      ['minz', '-9'],
      ['maxx', '-1'],
      ['maxy', '-1'],
      ['maxz', '-1'],
    ]);
    expect(far.body).toEqual([]);
  });

  it('connectors/in-bounding-box: link rows of 8 or 11 columns, or bare ids', async () => {
    const box: [string, string][] = [
      ['minx', '10000'],
      ['miny', '45000'],
      ['minz', '35000'],
      ['maxx', '16000'],
      ['maxy', '55000'],
      ['maxz', '42000'],
    ];
    const ids = (await json('POST', '/1/connectors/in-bounding-box', box)).body as unknown[][];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((r) => r.length === 1)).toBe(true);
    const links = (
      await json('POST', '/1/connectors/in-bounding-box', [...box, ['with_links', 'true']])
    ).body as unknown[][];
    expect(links.every((r) => r.length === 8 && typeof r[5] === 'string')).toBe(true);
    const full = (
      await json('POST', '/1/connectors/in-bounding-box', [
        ...box,
        ['with_links', 'true'],
        ['with_locations', 'true'],
      ])
    ).body as unknown[][];
    expect(full.every((r) => r.length === 11)).toBe(true);
    expect(new Set(full.map((r) => r[0])).size).toBe(ids.length);
  });

  it('skeleton-innervations lists volume ids per skeleton; no ids is a 400', async () => {
    const skids = (await json('POST', '/1/skeletons/in-bounding-box', [['volume_id', '5']]))
      .body as number[];
    const rows = (
      await json('POST', '/1/volumes/skeleton-innervations', [
        ['skeleton_ids[0]', String(skids[0])],
      ])
    ).body as { skeleton_id: number; volume_ids: number[] }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.volume_ids).toContain(5);
    expect((await json('GET', '/1/volumes/skeleton-innervations')).status).toBe(400);
  });

  it('volumes/{id}/intersect tests the bounding box only', async () => {
    const inBox = await json('GET', '/1/volumes/5/intersect', [
      ['x', '14000'],
      ['y', '52000'],
      ['z', '40000'],
    ]);
    expect(inBox.body).toEqual({ intersects: true });
    const out = await json('GET', '/1/volumes/5/intersect', [
      ['x', '0'],
      ['y', '0'],
      ['z', '0'],
    ]);
    expect(out.body).toEqual({ intersects: false });
    expect((await json('GET', '/1/volumes/999/intersect', [['x', '0']])).status).toBe(404);
  });
});
