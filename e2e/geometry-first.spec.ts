/**
 * Geometry first, end to end on the demo server: the 3D view draws skeletons from compact-detail
 * without connectors and tags, and asks for those only while a layer shows them (synapses,
 * somata); turning such a layer on fetches them for the neurons drawn and the scene is ready
 * again only once they are in.
 */
import type { Page, Request } from '@playwright/test';
import { PNG } from 'pngjs';
import { download } from './downloads.ts';
import { test, expect } from './fixtures.ts';

const viewer = (page: Page) => page.getByRole('region', { name: '3D viewer' });
const IDS = [1084, 1000, 1214];

/** The compact-detail requests the page sends, and whether each asks connectors and tags. */
function watchCompactDetail(page: Page): { extras: boolean; body: string }[] {
  const seen: { extras: boolean; body: string }[] = [];
  page.on('request', (r: Request) => {
    if (!r.url().includes('compact-detail')) return;
    const body = `${r.url()} ${r.postData() ?? ''}`;
    seen.push({ extras: /with_connectors=true/.test(body) && /with_tags=true/.test(body), body });
  });
  return seen;
}

async function inked(page: Page): Promise<number> {
  const png = PNG.sync.read(await viewer(page).locator('canvas').screenshot());
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if ((png.data[i] ?? 255) < 230 || (png.data[i + 2] ?? 255) < 230) count++;
  }
  return count;
}

test('with the synapse and soma layers off only geometry is fetched; a layer turned on fetches the rest', async ({
  page,
}) => {
  const seen = watchCompactDetail(page);
  await page.goto(`/?view=3d&pid=1&sel=${IDS.join(',')}&vlay=scale,axes`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-neuron-count', '3');
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((s) => s.extras)).toEqual([]);
  const before = await inked(page);

  await page.getByRole('checkbox', { name: 'Somata' }).check();
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  const withExtras = seen.filter((s) => s.extras);
  expect(withExtras.length).toBeGreaterThan(0);
  for (const id of IDS) expect(withExtras.some((s) => s.body.includes(String(id)))).toBe(true);
  // The somata were added to the skeletons already drawn, and the ready frame shows them.
  expect(await inked(page)).toBeGreaterThan(before);
});

test('with the layers on, the first request asks geometry only and the rest follows', async ({
  page,
}) => {
  const seen = watchCompactDetail(page);
  await page.goto(`/?view=3d&pid=1&sel=${IDS.join(',')}`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-neuron-count', '3');
  expect(seen[0]?.extras).toBe(false);
  expect(seen.some((s) => s.extras)).toBe(true);
});

test('the connector table is complete even when no layer loaded the connectors', async ({
  page,
}) => {
  const seen = watchCompactDetail(page);
  await page.goto(`/?view=3d&pid=1&sel=${IDS.join(',')}&vlay=scale,axes`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  expect(seen.filter((s) => s.extras)).toEqual([]);
  const exportPanel = page.getByRole('region', { name: 'Export' });
  const csv = await download(
    page,
    exportPanel.getByRole('button', { name: 'Export connector table (CSV)' }),
  );
  const rows = csv.body
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  // The server's own count of these skeletons' connector links (header row aside).
  let links = 0;
  for (const id of IDS) {
    const res = await page.request.get(
      `/api/catmaid/1/skeletons/${id}/compact-detail?with_connectors=true`,
    );
    const [, connectors] = (await res.json()) as [unknown[], unknown[]];
    links += connectors.length;
  }
  expect(links).toBeGreaterThan(0);
  expect(rows).toHaveLength(links + 1);
});
