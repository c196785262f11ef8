/**
 * Compartments and similarity on the demo server: a projection neuron split by synapse flow
 * (tabled in Connectivity, coloured by compartment in 3D), NBLAST of left/right pairs (each
 * neuron's best match is its homologue), connectivity similarity checked against the server's
 * raw partners, and the exports.
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { checkFigureExports, downloadCsv } from './downloads.ts';
import { test, expect } from './fixtures.ts';
import { skeletonIdOf } from './raw-api.ts';
import { addToSelection, openView } from './helpers.ts';

async function openSimilarity(page: Page) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Similarity', exact: true })
    .click();
}

/** Pixels near a colour (the compartment colours are flat, unshaded). */
function near(png: PNG, [r, g, b]: [number, number, number]): number {
  let n = 0;
  const d = png.data;
  for (let i = 0; i < d.length; i += 4)
    if (
      Math.abs((d[i] ?? 0) - r) + Math.abs((d[i + 1] ?? 0) - g) + Math.abs((d[i + 2] ?? 0) - b) <
      40
    )
      n++;
  return n;
}

test('a projection neuron split by synapse flow: compartments table, CSV and 3D colours', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const names = await addToSelection(page, '/^PN DA1 lPN left$/');
  expect(names).toEqual(['PN DA1 lPN left']);
  await openView(page, 'Connectivity');
  await page.getByRole('tab', { name: 'Compartments' }).click();
  const panel = page.getByRole('region', { name: 'Compartments' });
  await expect(panel.getByRole('status')).toHaveAttribute('data-compartments-ready', 'true', {
    timeout: 60_000,
  });
  const table = panel.getByRole('table', { name: 'Compartments per neuron' });
  const row = table.getByRole('row').filter({ hasText: 'PN DA1 lPN left' });
  // The demo PN's outputs are all on its calyx/LH arbor, its inputs in its glomerulus.
  await expect(row.getByRole('cell').nth(3)).toHaveText('1.00');
  const csv = await downloadCsv(page, panel.getByRole('group', { name: 'Export compartments' }));
  const header = csv[0] ?? [];
  const line = csv[1] ?? [];
  const col = (h: string) => line[header.indexOf(h)] ?? '';
  expect(Number(col('segregation_index'))).toBe(1);
  expect(Number(col('axon_presynaptic'))).toBeGreaterThan(10);
  expect(Number(col('axon_postsynaptic'))).toBe(0);
  expect(Number(col('dendrite_postsynaptic'))).toBeGreaterThan(10);
  expect(Number(col('dendrite_presynaptic'))).toBe(0);

  // Partners through one compartment: this PN's inputs are all on its dendrite and its outputs
  // all on its axon (the CSV above), so each compartment keeps one whole side of the tables.
  await page.getByRole('tab', { name: 'Partners' }).click();
  const through = page.getByRole('combobox', { name: /^Synapses on the sources/ });
  const summary = (dir: 'Upstream' | 'Downstream') =>
    page.getByRole('status', { name: `${dir} partners summary` });
  await expect(summary('Upstream')).toHaveText(/[1-9]\d* partners/);
  const upAll = await summary('Upstream').innerText();
  const downAll = await summary('Downstream').innerText();
  expect(downAll).toMatch(/[1-9]\d* partners/);
  await through.selectOption('dendrite');
  await expect(summary('Downstream')).toHaveText('0 partners · 0 synapses', { timeout: 60_000 });
  await expect(summary('Upstream')).toHaveText(upAll);
  await through.selectOption('axon');
  await expect(summary('Upstream')).toHaveText('0 partners · 0 synapses', { timeout: 60_000 });
  await expect(summary('Downstream')).toHaveText(downAll);
  await page.getByRole('tab', { name: 'Compartments' }).click();
  await panel.getByRole('button', { name: 'Show in 3D coloured by compartment' }).click();
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 60_000 });
  await expect(region).toHaveAttribute('data-colour-mode', 'compartment');
  await expect(page.getByLabel('Colour by')).toHaveValue('compartment');
  // Neurons are split when the mode asks: wait until every drawn one is, in a finished frame.
  const drawn = (await region.getAttribute('data-neuron-count')) ?? '';
  await expect(region).toHaveAttribute('data-compartment-neurons', drawn, { timeout: 60_000 });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('axon');
  const png = PNG.sync.read(await region.locator('canvas').screenshot());
  expect(near(png, [214, 39, 40]), 'axon drawn red').toBeGreaterThan(50);
  expect(near(png, [31, 119, 180]), 'dendrite drawn blue').toBeGreaterThan(50);
});

const PAIRS = '/^(PN DA1 lPN|PN DL3 adPN|KC-ab 001) (left|right)$/';
const homologue = (name: string) =>
  name.endsWith(' left') ? name.replace(/ left$/, ' right') : name.replace(/ right$/, ' left');

test('NBLAST of left/right pairs: each neuron’s best match is its homologue; clusters and exports', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const names = await addToSelection(page, PAIRS);
  expect(names).toHaveLength(6);
  await openSimilarity(page);
  await page.getByRole('tab', { name: 'By shape (NBLAST)' }).click();
  const run = page.getByRole('button', { name: 'Run NBLAST' });
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();
  const status = page.locator('.nblast-status');
  await expect(status).toHaveAttribute('data-nblast-ready', 'true', { timeout: 240_000 });
  await expect(status).toHaveText(/NBLAST of 6 × 6 neurons took [\d.]+ s \(mirrored/);

  for (const name of names) {
    await page
      .getByRole('combobox', { name: 'Most similar to', exact: true })
      .selectOption({ label: name });
    const table = page.getByRole('table', { name: `Neurons most similar to ${name}` });
    const first = table.getByRole('row').nth(1);
    await expect(first).toContainText(homologue(name));
  }

  const result = page.getByRole('region', { name: 'NBLAST mean score result' });
  await result.getByLabel('Clusters').fill('3');
  const figure = result.getByRole('img', { name: 'NBLAST mean score matrix with dendrogram' });
  await expect(figure).toHaveAttribute('data-clusters', /^\d,\d,\d,\d,\d,\d$/);
  const order = ((await figure.getAttribute('data-order')) ?? '').split(',');
  const clusters = ((await figure.getAttribute('data-clusters')) ?? '').split(',');
  expect(new Set(clusters).size).toBe(3);
  await checkFigureExports(page, result.getByRole('group', { name: 'Export NBLAST mean score' }));
  const csv = await downloadCsv(
    page,
    result.getByRole('group', { name: 'Export NBLAST mean score' }),
  );
  expect(csv).toHaveLength(7);
  expect(csv[0]?.slice(3)).toEqual(order);
  // Homologues share a cluster.
  const byName = new Map(csv.slice(1).map((r) => [r[1] ?? '', r[2] ?? '']));
  for (const name of names) expect(byName.get(name)).toBe(byName.get(homologue(name)));

  await result.getByRole('button', { name: 'Send clusters to the selection as colours' }).click();
  // The selection now has one colour per cluster: the figure's labels are drawn in it.
  const fill = (name: string) =>
    figure
      .locator('text')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .getAttribute('fill');
  await expect.poll(async () => new Set(await Promise.all(names.map(fill))).size).toBe(3);
  for (const name of names) expect(await fill(name)).toBe(await fill(homologue(name)));
});

interface Raw {
  incoming: Record<string, { num_nodes: number; skids: Record<string, number[]> }>;
}

function upstreamOf(raw: Raw, skid: number): Set<string> {
  const out = new Set<string>();
  for (const [partner, p] of Object.entries(raw.incoming)) {
    const n = (p.skids[String(skid)] ?? []).reduce((a, b) => a + b, 0);
    if (n >= 1 && !(p.num_nodes > 0 && p.num_nodes < 2)) out.add(partner);
  }
  return out;
}

async function csvValue(csv: string[][], rowId: number, colId: number): Promise<number> {
  const header = csv[0] ?? [];
  const row = csv.find((r) => r[0] === String(rowId)) ?? [];
  return Number(row[header.indexOf(String(colId))]);
}

test('connectivity similarity: matching index of inputs as the server’s partners imply', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const names = await addToSelection(page, '/^KC-ab 0\\d\\d left$/', 4);
  expect(names).toHaveLength(4);
  const ids = await Promise.all(names.map((n) => skeletonIdOf(request, n)));
  const form: Record<string, string> = { boolean_op: 'OR' };
  ids.forEach((s, i) => (form[`source_skeleton_ids[${i}]`] = String(s)));
  const raw = (await (
    await request.post('/api/catmaid/1/skeletons/connectivity', { form })
  ).json()) as Raw;

  await openSimilarity(page);
  await page.getByRole('tab', { name: 'By connectivity' }).click();
  await page.getByLabel('Partners').selectOption({ label: 'Inputs (upstream partners)' });
  const result = page.getByRole('region', { name: 'Connectivity matching index result' });
  const figure = result.getByRole('img', {
    name: 'Connectivity matching index matrix with dendrogram',
  });
  await expect(figure).toHaveAttribute('data-order', /\d/);
  const group = result.getByRole('group', { name: 'Export Connectivity matching index' });
  const csv = await downloadCsv(page, group);
  expect(csv).toHaveLength(5);
  const [a, b] = [ids[0] ?? 0, ids[1] ?? 0];
  const ua = upstreamOf(raw, a);
  const ub = upstreamOf(raw, b);
  const shared = [...ua].filter((p) => ub.has(p)).length;
  const expected = shared / new Set([...ua, ...ub]).size;
  expect(await csvValue(csv, a, b)).toBeCloseTo(expected, 3);
  expect(await csvValue(csv, a, a)).toBe(1);
  await checkFigureExports(page, group);
});
