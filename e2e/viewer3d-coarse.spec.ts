/**
 * The coarse detail level (drawn for huge scenes; forced here by the Detail menu's URL value,
 * the demo's projects being far below the auto threshold). It draws from compact vertex buffers
 * of its own: the test checks that it draws exactly the segments the decimation keeps (counted
 * here from the raw answer), that a click picks a real node where the pointer is (the compact
 * vertex mapped back to the skeleton's node), that per-node colour codes reach the compact
 * copies, and that switching to full detail then draws every segment.
 */
import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { download } from './downloads.ts';
import { test, expect } from './fixtures.ts';
import { canvasPixels, clickNearestDrawnPixel, viewer } from './canvas.ts';
import { coarseSegments, rawTree, STRIDE, type Tree } from './coarse-tree.ts';

const SKELETON = 1000;
/** CSS pixel of a point under the drawn frame's camera. */
async function projector(region: Locator, width: number, height: number) {
  const m = ((await region.getAttribute('data-view-projection')) ?? '').split(',').map(Number);
  expect(m).toHaveLength(16);
  const e = (i: number) => m[i] ?? NaN;
  return ([x, y, z]: [number, number, number]): [number, number] => {
    const w = e(3) * x + e(7) * y + e(11) * z + e(15);
    const nx = (e(0) * x + e(4) * y + e(8) * z + e(12)) / w;
    const ny = (e(1) * x + e(5) * y + e(9) * z + e(13)) / w;
    return [((nx + 1) / 2) * width, ((1 - ny) / 2) * height];
  };
}

/** Distance from p to the segment a–b. */
function toSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = dx * dx + dy * dy;
  const s = len > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len)) : 0;
  return Math.hypot(p[0] - a[0] - s * dx, p[1] - a[1] - s * dy);
}

/**
 * Nodes at most STRIDE steps below `id`: a coarse segment is drawn from a kept node to its
 * nearest kept ancestor, and the pick shader's flat id is the segment's last (parent) vertex.
 */
function below(t: Tree, id: number): number[] {
  const out = [id];
  let frontier = [id];
  for (let step = 0; step < STRIDE; step++) {
    frontier = frontier.flatMap((v) => t.children.get(v) ?? []);
    out.push(...frontier);
  }
  return out;
}

/** Of the drawn (non-white) pixels, the share that is neutral grey. */
async function neutralShare(page: Page): Promise<number> {
  const png = await canvasPixels(page);
  let grey = 0;
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
    if (Math.min(r, g, b) >= 230) continue;
    ink++;
    if (Math.max(r, g, b) - Math.min(r, g, b) <= 8) grey++;
  }
  expect(ink).toBeGreaterThan(100);
  return grey / ink;
}

test('the coarse level draws its segments, picks real nodes and takes colour codes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/?view=3d&pid=1&sel=${SKELETON}&vlod=coarse`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(page.getByLabel('Detail')).toHaveValue('coarse');
  await expect(region).toHaveAttribute('data-detail', 'coarse');
  const tree = await rawTree(page, SKELETON);
  expect(tree.ids.length).toBeGreaterThan(100);
  const coarse = coarseSegments(tree);
  expect(coarse).toBeLessThan(tree.ids.length / 4);
  await expect(region).toHaveAttribute('data-segments', String(coarse));
  // Coarse detail loads display first: picking needs the skeleton's full data.
  await expect(region).toHaveAttribute('data-full-ready', 'true', { timeout: 30_000 });

  // Lines only, so every inked pixel is skeleton.
  await page.getByRole('checkbox', { name: 'Somata' }).uncheck();
  await page.getByRole('checkbox', { name: 'Presynaptic sites' }).uncheck();
  await page.getByRole('checkbox', { name: 'Postsynaptic sites' }).uncheck();
  await expect(region).toHaveAttribute('data-show-post', 'false');

  // Pick: the pixel nearest the centre that is drawn.
  const at = await clickNearestDrawnPixel(page);
  const box = await region.locator('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const panel = page.getByRole('region', { name: 'Selected node' });
  await expect(panel).toContainText(/Created\s*\d{4}-\d{2}-\d{2}/);
  const nodeId = Number(/Node\s*(\d+)/.exec((await panel.textContent()) ?? '')?.[1]);
  expect(tree.ids, 'a real node of the skeleton').toContain(nodeId);
  // The picked node ends the coarse segment under the pointer (the clicked pixel is drawn): a
  // segment from it to a node at most one stride below passes through the click.
  const project = await projector(region, box.width, box.height);
  const xyz = (id: number) => tree.xyz.get(id) ?? [NaN, NaN, NaN];
  const from = project(xyz(nodeId));
  const closest = Math.min(
    ...below(tree, nodeId).map((id) => toSegment(at, from, project(xyz(id)))),
  );
  expect(closest, 'the picked node is where the click was').toBeLessThanOrEqual(3);

  // Creation times are written into the vertices after load: the compact copies must get them
  // too, or every line would stay the mode's "unknown" grey (160, 160, 160; blended with the
  // white background at the edges, still neutral).
  await page.getByLabel('Colour by').selectOption('ctime');
  await expect(region).toHaveAttribute('data-timed-neurons', '1', { timeout: 30_000 });
  const coarseGrey = await neutralShare(page);

  // A PNG figure is drawn at full detail, which the screen at coarse detail has not uploaded:
  // the export uploads it first, and its lines are on the figure (nothing else is: transparent
  // background, no scale bar, no legend).
  const exportPanel = page.getByRole('region', { name: 'Export' });
  await exportPanel.getByLabel('Figure background').selectOption('transparent');
  await exportPanel.getByRole('checkbox', { name: 'Include scale bar' }).uncheck();
  await exportPanel.getByRole('checkbox', { name: 'Include legend' }).uncheck();
  const file = await download(page, exportPanel.getByRole('button', { name: 'Export PNG' }));
  const figure = PNG.sync.read(file.body);
  let opaque = 0;
  for (let i = 3; i < figure.data.length; i += 4) if ((figure.data[i] ?? 0) > 0) opaque++;
  expect(opaque, 'the figure shows the neuron').toBeGreaterThan(500);
  await expect(region).toHaveAttribute('data-detail', 'coarse');
  // Full detail is uploaded when first shown, then draws every edge.
  await page.getByLabel('Detail').selectOption('full');
  await expect(region).toHaveAttribute('data-detail', 'full');
  await expect(region).toHaveAttribute('data-segments', String(tree.ids.length - 1));
  // Full detail's vertices had the codes written from the start: the coarse drawing must be
  // coloured like it (here 19 % neutral pixels against 13 % at full; with the codes missing
  // from the compact copies, 67 %).
  const fullGrey = await neutralShare(page);
  expect(coarseGrey, 'lines coloured by creation time, not "unknown"').toBeLessThan(fullGrey + 0.2);
  await page.getByLabel('Detail').selectOption('coarse');
  await expect(region).toHaveAttribute('data-segments', String(coarse));
});
