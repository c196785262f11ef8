/**
 * The Neuron view's "as of date" in 3D on the demo server: moving the slider to a past day draws
 * the old skeleton, with the segment counts of each class (unchanged, gone or moved since, added
 * since) that the raw compact-detail `with_history` answer implies for that day (computed in
 * neuron-asof3d-raw.ts, independently of the app); "Now" draws today's skeleton alone; the
 * "show today's skeleton" toggle hides the added edges; the PNG has its size and shows the red
 * of the old edges; the CSV lists each node's class.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures.ts';
import { download, downloadCsv } from './downloads.ts';
import { expectedAsOf, type ExpectedAsOf } from './neuron-asof3d-raw.ts';
import { deletionDays, rawNeuron, skeletonIds, type RawNeuron } from './neuron-raw.ts';

const DAY_MS = 86_400_000;
const us = (n: number) => n.toLocaleString('en-US');
const nodes = (n: number) => `${us(n)} ${n === 1 ? 'node' : 'nodes'}`;
const section = (page: Page) =>
  page
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name: 'History and provenance' }) });

/** A demo neuron whose history has, on some day, unchanged, gone and added edges. */
async function neuronWithChanges(
  request: APIRequestContext,
): Promise<{ raw: RawNeuron; day: string; expected: ExpectedAsOf }> {
  for (const skid of await skeletonIds(request)) {
    const raw = await rawNeuron(request, skid);
    for (const day of deletionDays(raw)) {
      const expected = expectedAsOf(raw, day);
      if (expected.kept > 0 && expected.gone > 0 && expected.added > 0)
        return { raw, day, expected };
    }
  }
  throw new Error('no demo neuron has a day with unchanged, gone and added edges');
}

/**
 * Reddish pixels (the "gone" red #d62728, lightened where a 1-pixel line is antialiased onto
 * white) below the legend; the neuron colour is blue and today's added edges grey.
 */
function redPixels(png: PNG, skipTop: number): number {
  let n = 0;
  for (let y = skipTop; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const i = 4 * (y * png.width + x);
      const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
      if (r > g + 60 && r > b + 60) n++;
    }
  return n;
}

test('the old skeleton in 3D matches the raw history of a past day', async ({ page, request }) => {
  test.setTimeout(120_000);
  const { raw, day, expected } = await neuronWithChanges(request);
  const now = expectedAsOf(raw, '2999-01-01');
  expect(now.gone + now.added, 'far in the future the skeleton is today’s').toBe(0);

  await page.goto(`/?view=neuron&pid=1&skid=${raw.skeletonId}`);
  const history = section(page);
  const canvas = page.getByRole('img', { name: 'Neuron in 3D as of date' });
  await expect(canvas).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  // Today: the current skeleton alone, every edge in the neuron colour.
  await expect(canvas).toHaveAttribute('data-segment-count', String(now.kept));
  await expect(canvas).toHaveAttribute('data-gone-segments', '0');

  await page
    .getByRole('slider', { name: 'As of date' })
    .fill(String(Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS)));
  await expect(page.getByRole('status', { name: 'Nodes as of date' })).toContainText(
    `at the end of ${day}`,
  );
  await expect(canvas).toHaveAttribute('data-scene-ready', 'true');
  await expect(canvas).toHaveAttribute('data-kept-segments', String(expected.kept));
  await expect(canvas).toHaveAttribute('data-gone-segments', String(expected.gone));
  await expect(canvas).toHaveAttribute('data-added-segments', String(expected.added));
  await expect(canvas).toHaveAttribute(
    'data-segment-count',
    String(expected.kept + expected.gone + expected.added),
  );
  expect(expected.kept + expected.gone).not.toBe(now.kept);
  const legend = page.getByRole('list', { name: '3D legend' });
  await expect(legend).toContainText(`Unchanged since ${day}: ${nodes(expected.nodes.kept)}`);
  await expect(legend).toContainText(
    `${nodes(expected.nodes.deleted)} deleted or split off, ${nodes(expected.nodes.changed)} moved`,
  );
  await expect(legend).toContainText(`${nodes(expected.nodes.added)} added`);

  // The old skeleton alone: today's added edges hidden.
  const toggle = page.getByRole('checkbox', { name: "Show today's skeleton" });
  await toggle.uncheck();
  await expect(canvas).toHaveAttribute('data-added-segments', '0');
  await expect(canvas).toHaveAttribute('data-segment-count', String(expected.kept + expected.gone));
  await expect(canvas).toHaveAttribute('data-scene-ready', 'true');
  await toggle.check();

  // Exports: the PNG at the asked size, with old (red) edges drawn in the scene part; the CSV.
  const group = history.getByRole('group', { name: 'Export 3D as of date' });
  await group.getByLabel('Width').fill('700');
  await group.getByLabel('Height').fill('450');
  const png = await download(page, group.getByRole('button', { name: 'PNG' }));
  expect(png.name).toBe(`neuron-${raw.skeletonId}-3d-${day}.png`);
  const image = PNG.sync.read(png.body);
  expect([image.width, image.height]).toEqual([700, 450]);
  expect(redPixels(image, 70)).toBeGreaterThan(0);
  const csv = await downloadCsv(page, group);
  expect(csv[0]).toEqual([
    'node_id',
    'change',
    'parent_then',
    'x_then',
    'y_then',
    'z_then',
    'parent_now',
    'x_now',
    'y_now',
    'z_now',
  ]);
  const rows = csv.slice(1).filter((r) => r.length > 1);
  const count = (c: string) => rows.filter((r) => r[1] === c).length;
  expect([count('kept'), count('changed'), count('deleted'), count('added')]).toEqual([
    expected.nodes.kept,
    expected.nodes.changed,
    expected.nodes.deleted,
    expected.nodes.added,
  ]);
  expect(
    rows
      .filter((r) => r[1] === 'deleted')
      .map((r) => Number(r[0]))
      .sort((a, b) => a - b),
  ).toEqual(expected.deletedIds);

  // "Now": today's skeleton alone again.
  await page.getByRole('button', { name: 'Now' }).click();
  await expect(canvas).toHaveAttribute('data-segment-count', String(now.kept));
  await expect(canvas).toHaveAttribute('data-added-segments', '0');
  await expect(legend).toHaveText(`Today's skeleton: ${nodes(now.nodes.kept)}`);
  const today = await download(page, group.getByRole('button', { name: 'PNG' }));
  expect(today.name).toBe(`neuron-${raw.skeletonId}-3d.png`);
  expect(redPixels(PNG.sync.read(today.body), 0)).toBe(0);
});
