/**
 * Regions view on the demo server. Every expected number is computed here from raw demo answers
 * (volume meshes, compact-detail, bounding-box endpoints), with an independent point-in-mesh
 * test: the demo volumes are convex (ellipsoid meshes), so a point is inside when it lies on the
 * inner side of every face plane.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { addToSelection, resultNames } from './helpers.ts';
import { checkFigureExports, download, downloadCsv } from './downloads.ts';

type V3 = [number, number, number];
const API = '/api/catmaid/1';
const QUERY = '/^PN D[AM]1 .*left$/';
const VOLUMES = ['antennal lobe left', 'lateral horn left', 'mushroom body calyx left'];

function need<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing in the raw demo answer');
  return v;
}
const xyz = (r: number[]): V3 => [r[3] ?? 0, r[4] ?? 0, r[5] ?? 0];

interface Convex {
  planes: { n: V3; a: V3 }[];
  triangles: number;
}

async function volumeIds(request: APIRequestContext): Promise<Map<string, number>> {
  const body = (await (await request.get(`${API}/volumes/`)).json()) as {
    data: [number, string][];
  };
  return new Map(body.data.map((r) => [r[1], r[0]]));
}

async function convexVolume(request: APIRequestContext, id: number): Promise<Convex> {
  const v = (await (await request.get(`${API}/volumes/${id}/`)).json()) as { mesh: string };
  const point = /point='([^']*)'/.exec(v.mesh)?.[1] ?? '';
  const c = point.trim().split(/\s+/).map(Number);
  const verts: V3[] = [];
  for (let i = 0; i < c.length; i += 3) verts.push([c[i] ?? 0, c[i + 1] ?? 0, c[i + 2] ?? 0]);
  const centre = [0, 1, 2].map(
    (k) => verts.reduce((s, p) => s + (p[k] ?? 0), 0) / verts.length,
  ) as V3;
  const planes: Convex['planes'] = [];
  for (let t = 0; t + 2 < verts.length; t += 3) {
    const [a, b, d] = [need(verts[t]), need(verts[t + 1]), need(verts[t + 2])];
    const u: V3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const w: V3 = [d[0] - a[0], d[1] - a[1], d[2] - a[2]];
    let n: V3 = [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]];
    const out = n[0] * (a[0] - centre[0]) + n[1] * (a[1] - centre[1]) + n[2] * (a[2] - centre[2]);
    if (out < 0) n = [-n[0], -n[1], -n[2]];
    planes.push({ n, a });
  }
  return { planes, triangles: verts.length / 3 };
}

function inside(v: Convex, p: V3): boolean {
  return v.planes.every(({ n, a }) => {
    const len = Math.hypot(...n);
    return (n[0] * (p[0] - a[0]) + n[1] * (p[1] - a[1]) + n[2] * (p[2] - a[2])) / len <= 1e-3;
  });
}

interface RawSkeleton {
  nodes: V3[];
  connectors: { relation: number; p: V3 }[];
}

async function rawSkeleton(request: APIRequestContext, skid: number): Promise<RawSkeleton> {
  const cd = (await (
    await request.get(`${API}/skeletons/${skid}/compact-detail`, {
      params: { with_connectors: 'true' },
    })
  ).json()) as [number[][], number[][]];
  return {
    nodes: cd[0].map((r) => xyz(r)),
    connectors: cd[1].map((r) => ({ relation: r[2] ?? -1, p: xyz(r) })),
  };
}

async function regionsView(page: Page) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Regions', exact: true })
    .click();
  const picker = page.getByRole('group', { name: 'Volumes', exact: true });
  await expect(picker.getByRole('checkbox').first()).toBeVisible();
  return picker;
}

test('region search equals what the demo geometry implies, and adds to the selection', async ({
  page,
  request,
}) => {
  const ids = await volumeIds(request);
  const lh = need(ids.get('lateral horn left'));
  const volume = await convexVolume(request, lh);
  const candidates = (await (
    await request.post(`${API}/skeletons/in-bounding-box`, { form: { volume_id: lh } })
  ).json()) as number[];
  const counts = new Map<number, number>();
  for (const skid of candidates) {
    const s = await rawSkeleton(request, skid);
    counts.set(skid, s.connectors.filter((c) => c.relation === 0 && inside(volume, c.p)).length);
  }
  // A threshold that splits the candidates: the median count (at least 1).
  const sorted = [...counts.values()].sort((a, b) => a - b);
  const k = Math.max(1, sorted[Math.floor(sorted.length / 2)] ?? 1);
  const expected = candidates.filter((skid) => (counts.get(skid) ?? 0) >= k);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(candidates.length);

  await page.goto('/?view=regions&rpanel=search');
  const panel = page.getByRole('region', { name: 'Neurons in a region' });
  await panel.getByLabel('Has').selectOption('pre');
  await panel.getByLabel('in volume').selectOption({ label: 'lateral horn left' });
  await panel.getByLabel('at least').fill(String(k));
  await panel.getByRole('button', { name: 'Find neurons' }).click();
  const status = panel.getByRole('status', { name: 'Region search status' });
  await expect(status).toContainText(`${candidates.length} candidates`);
  await expect(status).toContainText(`${expected.length} match`);
  await expect(status).toContainText('ray parity on a watertight mesh');
  const found = await panel
    .getByRole('list', { name: 'Region search results' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-skeleton-id'))));
  expect(found.sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  await panel.getByRole('button', { name: `Add ${expected.length} to selection` }).click();
  await page.getByRole('tab', { name: 'Innervation' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Choose one or more volumes');
});

test('Search: the region criterion combined with a name equals the demo geometry', async ({
  page,
  request,
}) => {
  const ids = await volumeIds(request);
  const lh = need(ids.get('lateral horn left'));
  const volume = await convexVolume(request, lh);
  const candidates = (await (
    await request.post(`${API}/skeletons/in-bounding-box`, { form: { volume_id: lh } })
  ).json()) as number[];
  const form: Record<string, string> = {};
  candidates.forEach((s, i) => (form[`skids[${i}]`] = String(s)));
  const names = (await (
    await request.post(`${API}/skeleton/neuronnames`, { form })
  ).json()) as Record<string, string>;
  const expected: string[] = [];
  for (const skid of candidates) {
    const name = names[String(skid)] ?? '';
    // The name criterion: a case-insensitive substring ("PN " is trimmed to "PN").
    if (!name.toLowerCase().includes('pn')) continue;
    const s = await rawSkeleton(request, skid);
    const nodes = s.nodes.filter((p) => inside(volume, p)).length;
    if (nodes >= 100) expected.push(name);
  }
  expect(expected.length).toBeGreaterThan(0);

  await page.goto('/');
  await page.getByLabel('Neuron name').fill('PN ');
  await page
    .getByRole('combobox', { name: 'In volume' })
    .selectOption({ label: 'lateral horn left' });
  await page.getByRole('spinbutton', { name: 'At least' }).fill('100');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('status')).toHaveText(/match/, { timeout: 30_000 });
  await expect(results.getByRole('status')).toHaveText(
    new RegExp(`^${expected.length} neurons? match`),
  );
  expect((await resultNames(page)).sort()).toEqual(expected.sort());
  expect(page.url()).toContain(`inv=${lh}`);
});

test('innervation matches the raw nodes and synapses; heatmap, CSV and volume exports', async ({
  page,
  request,
}) => {
  const ids = await volumeIds(request);
  await page.goto('/');
  const names = await addToSelection(page, QUERY);
  expect(names).toHaveLength(2);
  const picker = await regionsView(page);
  for (const v of VOLUMES) await picker.getByRole('checkbox', { name: v }).check();
  const table = page.getByRole('table', { name: 'Innervation per neuron and region' });
  await expect(table.locator('tbody tr')).toHaveCount(2 * VOLUMES.length, { timeout: 30_000 });
  await expect(picker).toContainText('ray parity on a watertight mesh');

  const csv = await downloadCsv(
    page,
    page.getByRole('group', { name: 'Export innervation table' }),
  );
  const header = csv[0] ?? [];
  const col = (h: string) => header.indexOf(h);
  expect(header).toContain('region');
  // The footer row (totals of the absolute columns) has no region.
  const rows = csv.slice(1).filter((r) => r.length === header.length && r[col('region')] !== '');
  expect(rows).toHaveLength(2 * VOLUMES.length);
  for (const row of rows) {
    const skid = Number(row[col('skeleton_id')]);
    const region = row[col('region')] ?? '';
    const volume = await convexVolume(request, need(ids.get(region)));
    const raw = await rawSkeleton(request, skid);
    const nodes = raw.nodes.filter((p) => inside(volume, p)).length;
    const pre = raw.connectors.filter((c) => c.relation === 0 && inside(volume, c.p)).length;
    const post = raw.connectors.filter((c) => c.relation === 1 && inside(volume, c.p)).length;
    expect(Number(row[col('nodes_inside')])).toBe(nodes);
    expect(Number(row[col('pre_inside')])).toBe(pre);
    expect(Number(row[col('post_inside')])).toBe(post);
    expect(Number(row[col('nodes_inside_percent')])).toBeCloseTo(
      (100 * nodes) / raw.nodes.length,
      1,
    );
  }
  // The PNs innervate both the antennal lobe and the lateral horn (the demo grows them there).
  const nodesIn = (region: string) =>
    rows.filter((r) => r[col('region')] === region).map((r) => Number(r[col('nodes_inside')]));
  expect(Math.min(...nodesIn('antennal lobe left'))).toBeGreaterThan(0);
  expect(Math.min(...nodesIn('lateral horn left'))).toBeGreaterThan(0);

  await checkFigureExports(page, page.getByRole('group', { name: 'Export innervation heatmap' }));

  // 3D by region: only the part inside the lateral horn (both nodes of an edge inside).
  const lh = await convexVolume(request, need(ids.get('lateral horn left')));
  let insideEdges = 0;
  let outsideEdges = 0;
  for (const skid of new Set(rows.map((r) => Number(r[col('skeleton_id')])))) {
    const cd = (await (await request.get(`${API}/skeletons/${skid}/compact-detail`)).json()) as [
      number[][],
    ];
    const byId = new Map(cd[0].map((r) => [r[0], xyz(r)]));
    for (const r of cd[0]) {
      const parent = r[1] === null ? undefined : byId.get(r[1]);
      if (!parent) continue;
      const a = inside(lh, xyz(r));
      const b = inside(lh, parent);
      if (a && b) insideEdges++;
      if (!a && !b) outsideEdges++;
    }
  }
  await page.getByRole('tab', { name: '3D by region' }).click();
  const scene = page.getByRole('region', { name: '3D by region' });
  await scene
    .getByRole('combobox', { name: 'Volume', exact: true })
    .selectOption({ label: 'lateral horn left' });
  const canvas = scene.getByLabel('Neurons by region in 3D');
  await expect(canvas).toHaveAttribute('data-scene-ready', 'true');
  await expect(canvas).toHaveAttribute('data-segment-count', String(insideEdges));
  await scene.getByRole('combobox', { name: 'Show' }).selectOption('outside');
  await expect(canvas).toHaveAttribute('data-segment-count', String(outsideEdges));
  expect(insideEdges).toBeGreaterThan(0);

  let expectedTriangles = 0;
  for (const v of VOLUMES)
    expectedTriangles += (await convexVolume(request, need(ids.get(v)))).triangles;
  const obj = await download(page, page.getByRole('button', { name: 'Export volumes as OBJ' }));
  expect(obj.name).toBe('volumes.obj');
  const objLines = obj.body.toString('utf8').trim().split('\n');
  const vCount = objLines.filter((l) => l.startsWith('v ')).length;
  const faces = objLines
    .filter((l) => l.startsWith('f '))
    .map((l) => l.slice(2).split(' ').map(Number));
  expect(objLines.filter((l) => l.startsWith('o '))).toHaveLength(VOLUMES.length);
  expect(faces).toHaveLength(expectedTriangles);
  expect(faces.flat().every((i) => Number.isInteger(i) && i >= 1 && i <= vCount)).toBe(true);
  const stl = await download(page, page.getByRole('button', { name: 'Export volumes as STL' }));
  const stlText = stl.body.toString('utf8');
  expect(stlText.match(/^solid /gm)).toHaveLength(VOLUMES.length);
  expect(stlText.match(/^\s*facet normal( \S+){3}$/gm)).toHaveLength(expectedTriangles);
  expect(stlText.match(/^\s*vertex( -?[\d.e+]+){3}$/gm)).toHaveLength(3 * expectedTriangles);
});

test('region connectivity: the matrix counts every postsynaptic link of the selection', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await addToSelection(page, QUERY);
  const picker = await regionsView(page);
  for (const v of VOLUMES) await picker.getByRole('checkbox', { name: v }).check();
  await page.getByRole('tab', { name: 'Region connectivity' }).click();
  const matrix = page.getByRole('table', { name: 'Region matrix' });
  await expect(matrix).toBeVisible({ timeout: 30_000 });
  const cells = await matrix
    .locator('tbody td')
    .allInnerTexts()
    .then((t) => t.map(Number));
  // Raw: the selection's presynaptic connectors and their postsynaptic links.
  const types = (await (await request.get(`${API}/connectors/types/`)).json()) as {
    relation: string;
    relation_id: number;
  }[];
  const postId = need(types.find((t) => t.relation === 'postsynaptic_to')).relation_id;
  const preId = need(types.find((t) => t.relation === 'presynaptic_to')).relation_id;
  const search = (await (
    await request.post(`${API}/annotations/query-targets`, {
      form: { name: '/^PN D[AM]1 .*left$', 'types[0]': 'neuron' },
    })
  ).json()) as { entities: { skeleton_ids: number[] }[] };
  const selection = new Set(search.entities.flatMap((e) => e.skeleton_ids));
  expect(selection.size).toBe(2);
  const form: Record<string, string> = { with_partners: 'true' };
  [...selection].forEach((s, i) => (form[`skeleton_ids[${i}]`] = String(s)));
  const raw = (await (await request.post(`${API}/connectors/`, { form })).json()) as {
    partners: Record<string, number[][]>;
  };
  let links = 0;
  for (const rows of Object.values(raw.partners)) {
    if (!rows.some((r) => r[3] === preId && selection.has(r[2] ?? -1))) continue;
    links += rows.filter((r) => r[3] === postId).length;
  }
  expect(links).toBeGreaterThan(0);
  expect(cells.reduce((a, b) => a + b, 0)).toBe(links);
  await expect(
    page.getByRole('table', { name: 'Partners in volume' }).getByRole('row').nth(1),
  ).toBeVisible();
});

test('bounding box: skeletons and connectors match the raw answers, no limit sent', async ({
  page,
  request,
}) => {
  const box = {
    minx: '10000',
    miny: '45000',
    minz: '35000',
    maxx: '16000',
    maxy: '55000',
    maxz: '42000',
  };
  const rawSkids = (await (
    await request.post(`${API}/skeletons/in-bounding-box`, { form: box })
  ).json()) as number[];
  const rawConnectors = (await (
    await request.post(`${API}/connectors/in-bounding-box`, {
      form: { ...box, with_locations: 'true', with_links: 'true' },
    })
  ).json()) as number[][];
  const distinct = new Set(rawConnectors.map((r) => r[0])).size;
  expect(rawSkids.length).toBeGreaterThan(0);
  const bodies: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('in-bounding-box')) bodies.push(r.postData() ?? '');
  });
  await page.goto('/?view=regions&rpanel=bbox');
  const panel = page.getByRole('region', { name: 'Bounding box' });
  for (const [k, v] of Object.entries(box)) await panel.getByLabel(`${k} (nm)`).fill(v);
  await panel.getByRole('button', { name: 'Query box' }).click();
  await expect(panel.getByRole('heading', { name: `${rawSkids.length} skeletons` })).toBeVisible();
  await expect(
    panel.getByRole('heading', { name: new RegExp(`^${distinct} connectors`) }),
  ).toBeVisible();
  expect(bodies.length).toBe(2);
  for (const b of bodies) expect(b).not.toContain('limit');
  const csv = await downloadCsv(
    page,
    panel.getByRole('group', { name: 'Export connectors in box' }),
  );
  expect(csv.filter((r) => /^\d+$/.test(r[0] ?? ''))).toHaveLength(distinct);
  await panel
    .getByRole('button', { name: `Add ${rawSkids.length} skeletons to selection` })
    .click();
  await page.getByRole('tab', { name: 'Innervation' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Choose one or more volumes');
});
