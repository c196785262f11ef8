/**
 * The 3D viewer end to end on the demo server, through the real UI: neurons found by search
 * open in 3D, the test waits for the view's "scene ready" signal (never sleeps), checks pixels
 * change with colour mode and layer toggles, picks a node, and checks every export.
 */
import { inflateRawSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { download } from './downloads.ts';
import { test, expect } from './fixtures.ts';
import { addToSelection, openView } from './helpers.ts';
import { canvasPixels, changed, viewer } from './canvas.ts';
import { idbCopies, opfsCopies, opfsSegments, putOldCopy } from './browser-copies.ts';

/** Pixels that differ from the white background, and the one nearest the centre (to click). */
function inked(png: PNG): { count: number; at: [number, number] | null } {
  let count = 0;
  let at: [number, number] | null = null;
  let best = Infinity;
  const { data, width, height } = png;
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i] ?? 255) < 230 || (data[i + 1] ?? 255) < 230 || (data[i + 2] ?? 255) < 230) {
      count++;
      const x = (i / 4) % width;
      const y = Math.floor(i / 4 / width);
      const d = (x - width / 2) ** 2 + (y - height / 2) ** 2;
      if (d < best) {
        best = d;
        at = [x, y];
      }
    }
  }
  return { count, at };
}

async function drawn(region: Locator, attr: string, value: string) {
  await expect(region).toHaveAttribute(`data-${attr}`, value);
}

/** Stored (uncompressed) or deflated ZIP entries, enough for the SWC download. */
function unzip(buf: Buffer): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  let p = 0;
  while (p + 30 <= buf.length && buf.readUInt32LE(p) === 0x04034b50) {
    const method = buf.readUInt16LE(p + 8);
    const size = buf.readUInt32LE(p + 18);
    const nameLength = buf.readUInt16LE(p + 26);
    const extra = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 30, p + 30 + nameLength).toString('utf8');
    const start = p + 30 + nameLength + extra;
    const raw = buf.subarray(start, start + size);
    out.push({ name, text: (method === 8 ? inflateRawSync(raw) : raw).toString('utf8') });
    p = start + size;
  }
  return out;
}

test('neurons found by search open in 3D, redraw on colour and layer changes, and export', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const names = await addToSelection(page, 'PN', 3);
  expect(names).toHaveLength(3);
  await openView(page, '3D');
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await drawn(region, 'neuron-count', '3');
  await expect(
    page.getByRole('status').filter({ hasText: /^Loaded 3 of 3 neurons/ }),
  ).toBeVisible();
  const nodeCount = Number(await region.getAttribute('data-node-count'));
  expect(nodeCount).toBeGreaterThan(100);
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText(names[0] ?? '');

  const base = await canvasPixels(page);
  const ink = inked(base);
  expect(ink.count, 'the canvas shows neurons').toBeGreaterThan(300);

  await page.getByLabel('Colour by').selectOption('strahler');
  await drawn(region, 'colour-mode', 'strahler');
  const strahler = await canvasPixels(page);
  expect(changed(base, strahler), 'pixels change with the colour mode').toBeGreaterThan(100);
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('order 1');
  await page.getByLabel('Colour by').selectOption('selection');
  await drawn(region, 'colour-mode', 'selection');

  await page.getByRole('checkbox', { name: 'Presynaptic sites' }).uncheck();
  await page.getByRole('checkbox', { name: 'Postsynaptic sites' }).uncheck();
  await drawn(region, 'show-post', 'false');
  const noConnectors = await canvasPixels(page);
  expect(changed(base, noConnectors), 'connector toggles change the drawing').toBeGreaterThan(20);
  await page.getByRole('checkbox', { name: 'Presynaptic sites' }).check();
  await page.getByRole('checkbox', { name: 'Postsynaptic sites' }).check();

  const volumes = page.getByRole('region', { name: 'Volumes' });
  const firstVolume = volumes.getByRole('checkbox').first();
  await firstVolume.check();
  await drawn(region, 'volume-count', '1');
  await drawn(region, 'show-post', 'true');
  const withVolume = await canvasPixels(page);
  expect(changed(base, withVolume), 'a volume changes the drawing').toBeGreaterThan(100);
  await firstVolume.uncheck();
  await drawn(region, 'volume-count', '0');

  // Picking: click a drawn pixel; the node panel shows it, and the demo has no web client.
  const box = await region.locator('canvas').boundingBox();
  if (!box || !ink.at) throw new Error('no canvas');
  await page.mouse.click(box.x + ink.at[0], box.y + ink.at[1]);
  const nodePanel = page.getByRole('region', { name: 'Selected node' });
  await expect(nodePanel).toBeVisible();
  await expect(nodePanel).toContainText(/Created\s*\d{4}-\d{2}-\d{2}/);
  await expect(
    nodePanel.getByRole('button', { name: 'Open in CATMAID at this node' }),
  ).toBeDisabled();

  const exportPanel = page.getByRole('region', { name: 'Export' });
  await exportPanel.getByLabel('PNG width (px)').fill('1600');
  await exportPanel.getByLabel('Figure background').selectOption('transparent');
  const png = await download(page, exportPanel.getByRole('button', { name: 'Export PNG' }));
  const image = PNG.sync.read(png.body);
  expect(image.width).toBe(1600);
  const alphas = new Set<number>();
  for (let i = 3; i < image.data.length; i += 4) alphas.add(image.data[i] ?? 0);
  expect(alphas.has(0), 'transparent background').toBe(true);
  expect(alphas.has(255), 'opaque neurons').toBe(true);

  const svg = await download(page, exportPanel.getByRole('button', { name: 'Export SVG' }));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      groups: [...doc.querySelectorAll('g.neuron')].map((g) => [
        g.id,
        g.querySelector('title')?.textContent,
      ]),
    };
  }, svg.body.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.groups).toHaveLength(3);
  expect(parsed.groups.map((g) => g[1]).sort()).toEqual([...names].sort());

  const swc = await download(page, exportPanel.getByRole('button', { name: 'Export SWC' }));
  const files = unzip(swc.body);
  expect(files).toHaveLength(3);
  const swcNodes = files
    .flatMap((f) => f.text.split('\n'))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/).map(Number));
  expect(swcNodes.every((row) => row.length === 7 && row.every(Number.isFinite))).toBe(true);
  expect(swcNodes).toHaveLength(nodeCount);
});

test.describe('a selection with a skeleton the server does not have', () => {
  test.use({ expectedConsoleErrors: ['404'] });

  test('lists it as failed and still shows the others', async ({ page }) => {
    await page.goto('/?view=3d&pid=1&sel=1000,987654321');
    const region = viewer(page);
    await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
    await drawn(region, 'neuron-count', '1');
    await drawn(region, 'failed-count', '1');
    await expect(page.getByRole('list', { name: 'Failed neurons' })).toContainText(
      'does not exist on the server',
    );
  });
});

test('a reload shows the same neurons from the browser’s copy, and "Clear skeleton cache" empties it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/?view=3d&pid=1&sel=1084,1000,1214');
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await drawn(region, 'neuron-count', '3');
  const nodes = await region.getAttribute('data-node-count');
  // The worker writes its copies once it is idle: wait until all three are stored, each twice
  // (geometry first: the nodes-only answer, then the one with connectors and tags for the
  // synapse and soma layers, which are on by default), in OPFS segments, none in IndexedDB.
  await expect.poll(() => opfsCopies(page)).toBe(6);
  expect(await idbCopies(page)).toBe(0);
  expect(await opfsSegments(page)).toBeGreaterThan(0);

  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('compact-detail')) fetched.push(r.url());
  });
  await page.reload();
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await drawn(region, 'neuron-count', '3');
  await drawn(region, 'node-count', nodes ?? '');
  expect(fetched).toEqual([]);

  const panel = page.getByRole('group', { name: 'Skeleton cache' });
  await panel.getByText('Skeleton cache', { exact: true }).click();
  await panel.getByRole('button', { name: 'Clear skeleton cache' }).click();
  await expect(panel.getByRole('status', { name: 'Cache cleared' })).toBeVisible();
  expect(await opfsCopies(page)).toBe(0);
  expect(await opfsSegments(page)).toBe(0);
  // A copy of an older version is dropped when the workers next write.
  await putOldCopy(page);
  expect(await idbCopies(page)).toBe(1);

  await page.reload();
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await drawn(region, 'neuron-count', '3');
  await drawn(region, 'node-count', nodes ?? '');
  expect(fetched.length, 'cleared: fetched from the server again').toBeGreaterThan(0);
  await expect.poll(() => opfsCopies(page)).toBe(6);
  expect(await idbCopies(page)).toBe(0);
});

const FRAMED = [1084, 1000, 1214];

/** Every node of the skeletons, from the server itself (not from the app). */
async function nodePositions(page: Page, ids: number[]): Promise<number[][]> {
  const out: number[][] = [];
  for (const id of ids) {
    const res = await page.request.get(`/api/catmaid/1/skeletons/${id}/compact-detail`);
    const [nodes] = (await res.json()) as [number[][]];
    for (const n of nodes) out.push([n[3] ?? 0, n[4] ?? 0, n[5] ?? 0]);
  }
  return out;
}

/** Largest |NDC| coordinate of the nodes under the drawn frame's camera (≤ 1: on the canvas). */
async function worstNdc(region: Locator, nodes: number[][]): Promise<number> {
  const m = ((await region.getAttribute('data-view-projection')) ?? '').split(',').map(Number);
  expect(m).toHaveLength(16);
  const e = (i: number) => m[i] ?? NaN;
  let worst = 0;
  for (const [x = 0, y = 0, z = 0] of nodes) {
    const w = e(3) * x + e(7) * y + e(11) * z + e(15);
    // Behind the camera: certainly not on the canvas.
    if (!(w > 0)) return Infinity;
    const nx = (e(0) * x + e(4) * y + e(8) * z + e(12)) / w;
    const ny = (e(1) * x + e(5) * y + e(9) * z + e(13)) / w;
    worst = Math.max(worst, Math.abs(nx), Math.abs(ny));
  }
  return worst;
}

/** Runs `act` and waits until a frame with another camera has been drawn. */
async function afterCameraChange(region: Locator, act: () => Promise<unknown>) {
  const before = await region.getAttribute('data-view-projection');
  await act();
  await expect.poll(() => region.getAttribute('data-view-projection')).not.toBe(before);
}

test('the first view and "Frame all" fit every node, in every projection and preset', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/?view=3d&pid=1&sel=${FRAMED.join(',')}`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  const nodes = await nodePositions(page, FRAMED);
  expect(nodes.length).toBeGreaterThan(100);
  const first = await worstNdc(region, nodes);
  expect(first, 'first view: all nodes on the canvas').toBeLessThanOrEqual(1);
  expect(first, 'and the frame is used').toBeGreaterThan(0.6);

  const camera = page.getByRole('group', { name: 'Camera' });
  for (const projection of ['orthographic', 'perspective'] as const) {
    await afterCameraChange(region, () => camera.getByLabel('Projection').selectOption(projection));
    for (const preset of ['XZ', 'ZY', 'XY']) {
      await afterCameraChange(region, () => camera.getByRole('button', { name: preset }).click());
      const worst = await worstNdc(region, nodes);
      expect(worst, `${projection} ${preset}`).toBeLessThanOrEqual(1);
      expect(worst).toBeGreaterThan(0.6);
    }
  }
  // A tall, narrow viewport (aspect < 1), after the user had zoomed far in.
  await page.setViewportSize({ width: 700, height: 1000 });
  const canvas = region.locator('canvas');
  await canvas.hover();
  await afterCameraChange(region, () => page.mouse.wheel(0, -2000));
  expect(await worstNdc(region, nodes)).toBeGreaterThan(1);
  await afterCameraChange(region, () => camera.getByRole('button', { name: 'Frame all' }).click());
  const narrow = await worstNdc(region, nodes);
  expect(narrow, 'Frame all on a narrow canvas').toBeLessThanOrEqual(1);
  expect(narrow).toBeGreaterThan(0.6);
});

test('display options survive a view switch and a shared link; garbled ones fall back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`/?view=3d&pid=1&sel=${FRAMED.join(',')}`);
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await page.getByLabel('Colour by').selectOption('strahler');
  await page.getByRole('checkbox', { name: 'Somata' }).uncheck();
  await page.getByLabel('View background').selectOption('black');
  await page.getByLabel('Detail').selectOption('full');
  const volumes = page.getByRole('region', { name: 'Volumes' });
  await volumes.getByRole('checkbox').first().check();
  const opacity = volumes.getByRole('slider').first();
  await opacity.fill('0.6');
  await drawn(region, 'volume-count', '1');

  const check = async () => {
    await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
    await drawn(region, 'colour-mode', 'strahler');
    await drawn(region, 'volume-count', '1');
    await expect(page.getByLabel('Colour by')).toHaveValue('strahler');
    await expect(page.getByRole('checkbox', { name: 'Somata' })).not.toBeChecked();
    await expect(page.getByLabel('View background')).toHaveValue('black');
    await expect(page.getByLabel('Detail')).toHaveValue('full');
    await expect(volumes.getByRole('checkbox').first()).toBeChecked();
    await expect(volumes.getByRole('slider').first()).toHaveValue('0.6');
  };
  await openView(page, 'Search');
  await openView(page, '3D');
  await check();
  await expect(page).toHaveURL(/vcol=strahler/);
  const link = page.url();
  await page.goto('/');
  await page.goto(link);
  await check();

  await page.goto('/?view=3d&pid=1&sel=1000&vcol=%3Cb%3E&vlay=%25%25&vbg=x&vmk=abc&vvol=1:zz:9');
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(page.getByLabel('Colour by')).toHaveValue('selection');
  await expect(page.getByRole('checkbox', { name: 'Somata' })).toBeChecked();
  await expect(page.getByLabel('View background')).toHaveValue('white');
});

test.describe('a tenth of the skeleton requests fail (5xx and connection resets)', () => {
  // The browser logs each failed request; the test provokes them on purpose.
  test.use({
    expectedConsoleErrors: ['status of 500', 'status of 502', 'status of 503', 'CONNECTION_RESET'],
  });

  test('every neuron arrives without user action; one that always fails is listed and Retry failed loads it', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const all = (await (await page.request.get('/api/catmaid/1/skeletons/')).json()) as number[];
    const ids = all.slice(0, 80);
    const cursed = ids[37] ?? 0;
    let seen = 0;
    let faults = 0;
    // Deterministic: every tenth compact-detail request fails (503, 502 or a reset, in turn), and
    // every request that carries the cursed skeleton fails with 500.
    await page.route('**/skeletons/compact-detail', async (route) => {
      const body = route.request().postData() ?? '';
      const n = seen++;
      const asked = [...new URLSearchParams(body)].filter(([k]) => k.startsWith('skeleton_ids['));
      if (asked.some(([, v]) => v === String(cursed))) {
        return route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>boom</h1>' });
      }
      if (n % 10 === 0) {
        faults++;
        const kind = (n / 10) % 3;
        if (kind === 2) return route.abort('connectionreset');
        return route.fulfill({ status: kind === 0 ? 503 : 502, body: 'upstream trouble' });
      }
      return route.continue();
    });

    await page.goto(`/?view=3d&pid=1&sel=${ids.join(',')}`);
    const region = viewer(page);
    await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 90_000 });
    await drawn(region, 'neuron-count', String(ids.length - 1));
    await drawn(region, 'failed-count', '1');
    expect(faults).toBeGreaterThanOrEqual(1);
    const failedList = page.getByRole('list', { name: 'Failed neurons' });
    await expect(failedList.getByRole('listitem')).toHaveCount(1);
    await expect(failedList).toContainText('server error (HTTP 500)');

    await page.unroute('**/skeletons/compact-detail');
    await page.getByRole('button', { name: 'Retry failed' }).click();
    await drawn(region, 'neuron-count', String(ids.length));
    await drawn(region, 'failed-count', '0');
    await expect(region).toHaveAttribute('data-scene-ready', 'true');
    await expect(failedList).toHaveCount(0);
  });
});

test('neurons removed from the selection while loading stop loading: their request is aborted', async ({
  page,
}) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/skeletons/compact-detail', async (route) => {
    await held;
    // The page may have aborted it meanwhile: then there is nothing left to continue.
    await route.continue().catch(() => undefined);
  });
  const aborted: string[] = [];
  page.on('requestfailed', (r) => {
    if (r.url().includes('compact-detail')) aborted.push(r.failure()?.errorText ?? '');
  });
  await page.goto('/?view=3d&pid=1&sel=1000,1002,1004');
  await expect(page.getByRole('status').filter({ hasText: 'Loaded 0 of 3 neurons' })).toBeVisible();

  const toggle = page.getByRole('button', { name: /^Selection \(\d+\)$/ });
  const panel = page.getByRole('complementary', { name: 'Selection' });
  if (!(await panel.isVisible())) await toggle.click();
  await panel.getByRole('button', { name: 'Remove all' }).click();
  await panel.getByRole('button', { name: 'Remove all 3' }).click();

  await expect.poll(() => aborted).toEqual(['net::ERR_ABORTED']);
  release();
  await expect(page.getByRole('status').filter({ hasText: 'No neurons to show' })).toBeVisible();
});
