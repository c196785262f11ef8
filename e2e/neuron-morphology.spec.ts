/**
 * The Neuron view's morphology section (issue 11, section 6) on the demo server, opened at
 * `?view=neuron&skid=…`: its counts against the raw compact-detail, one dendrogram mark per
 * synapse (also with twigs collapsed), and every export (SVG parses, PNG has its size, CSV
 * content). Needs the Neuron view (NeuronView mounts MorphologySection).
 */
import type { APIRequestContext } from '@playwright/test';
import { checkFigureExports, downloadCsv } from './downloads.ts';
import { expect, test } from './fixtures.ts';
import { skeletonIdOf } from './raw-api.ts';

type Row = [number, number | null, ...unknown[]];
type Link = [number, number, number, ...unknown[]];

async function raw(request: APIRequestContext, skid: number) {
  const res = await request.get(
    `/api/catmaid/1/skeletons/${skid}/compact-detail?with_connectors=true&with_tags=true`,
  );
  const [nodes, links, tags] = (await res.json()) as [Row[], Link[], Record<string, unknown[]>];
  const children = new Map<number, number>();
  for (const [, parent] of nodes)
    if (parent !== null) children.set(parent, (children.get(parent) ?? 0) + 1);
  return {
    nodes: nodes.length,
    branchPoints: [...children.values()].filter((c) => c >= 2).length,
    ends: nodes.filter(([id, parent]) => parent !== null && !children.has(id)).length,
    pre: links.filter((l) => l[2] === 0).length,
    post: links.filter((l) => l[2] === 1).length,
    somaTagged: (tags.soma ?? []).length > 0,
  };
}

const en = (n: number) => n.toLocaleString('en-US');

test('the morphology section: counts, dendrogram, collapse, and every export', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1400, height: 950 });
  const skid = await skeletonIdOf(request, 'PN DA1 lPN left');
  const r = await raw(request, skid);
  await page.goto(`/?view=neuron&pid=1&skid=${skid}`);
  const section = page.getByRole('region', { name: 'Morphology' });
  const summary = section.getByRole('status', { name: 'Morphology summary' });
  await expect(summary).toContainText(`${en(r.nodes)} nodes`, { timeout: 30_000 });
  await expect(summary).toContainText(`${en(r.branchPoints)} branch points`);
  await expect(summary).toContainText(`${en(r.ends)} end nodes`);
  await expect(summary).toContainText(`${en(r.pre)} presynapses`);
  await expect(summary).toContainText(`${en(r.post)} postsynapses`);
  if (r.somaTagged) await expect(summary).toContainText('soma (tagged "soma")');

  const svg = section.getByRole('img', { name: 'Dendrogram' });
  await expect(svg.locator('[data-relation="pre"] circle')).toHaveCount(r.pre);
  await expect(svg.locator('[data-relation="post"] circle')).toHaveCount(r.post);
  const stretches = async () =>
    ((await svg.locator('path').first().getAttribute('d')) ?? '').split('H').length - 1;
  const before = await stretches();
  await section.getByLabel('Collapse twigs shorter than (µm)').fill('5');
  await expect(section.getByLabel('Collapsed twigs')).toBeVisible();
  expect(await stretches()).toBeLessThan(before);
  await expect(svg.locator('[data-relation="pre"] circle')).toHaveCount(r.pre);

  const dendrogram = section.getByRole('group', { name: 'Export dendrogram' });
  await checkFigureExports(page, dendrogram, 800, 600);
  const lines = await downloadCsv(page, dendrogram);
  expect(lines[0]).toEqual(['element', 'x_from_um', 'x_to_um', 'y_from', 'y_to', 'relation']);
  expect(lines.filter((l) => l[0] === 'synapse')).toHaveLength(r.pre + r.post);

  const placement = section.getByRole('group', { name: 'Export synapse placement' });
  await expect(placement.getByRole('button', { name: 'SVG' })).toBeEnabled({ timeout: 30_000 });
  await checkFigureExports(page, placement, 640, 400);
  const synapses = await downloadCsv(page, placement);
  expect(synapses[0]).toEqual(['relation', 'path_distance_um']);
  expect(synapses.filter((l) => l[0] === 'presynaptic')).toHaveLength(r.pre);
  expect(synapses.filter((l) => l[0] === 'postsynaptic')).toHaveLength(r.post);

  const strahler = section.getByRole('group', { name: 'Export Strahler orders' });
  await expect(strahler.getByRole('button', { name: 'SVG' })).toBeEnabled();
  await checkFigureExports(page, strahler, 500, 300);
  const orders = await downloadCsv(page, strahler);
  expect(orders[0]).toEqual(['strahler_order', 'nodes', 'cable_um']);
  const nodeSum = orders.slice(1).reduce((s, l) => s + Number(l[1]), 0);
  expect(nodeSum).toBe(r.nodes);

  const sholl = section.getByRole('group', { name: 'Export Sholl profile' });
  await expect(sholl.getByRole('button', { name: 'SVG' })).toBeEnabled();
  await checkFigureExports(page, sholl, 500, 300);
  const shells = await downloadCsv(page, sholl);
  expect(shells[0]).toEqual(['radius_um', 'intersections']);
  expect(shells.length).toBeGreaterThan(2);
});
