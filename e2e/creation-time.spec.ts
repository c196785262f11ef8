/**
 * The "Creation time" 3D colour mode on the demo server: choosing it fetches compact-detail
 * with_history for the drawn neurons, recolours the drawing once the times are in the vertices,
 * and the legend (on screen and in the SVG export) gives the oldest and newest creation time,
 * computed here from the raw answers the app received.
 */
import type { Response } from '@playwright/test';
import { download } from './downloads.ts';
import { test, expect } from './fixtures.ts';
import { addToSelection, openView } from './helpers.ts';
import { canvasPixels, changed, viewer } from './canvas.ts';

const isHistoryAnswer = (r: Response) =>
  r.url().includes('compact-detail') &&
  `${r.url()} ${r.request().postData() ?? ''}`.includes('with_history=true');

/** Node rows of one compact-detail answer, single (5-array) or batch ({skeletons}). */
function nodeRows(body: unknown): unknown[][] {
  const details = Array.isArray(body)
    ? [body]
    : Object.values((body as { skeletons: Record<string, unknown[]> }).skeletons);
  return details.flatMap((d) => (d[0] as unknown[][]) ?? []);
}

/** CATMAID's `str(datetime)` ("2026-10-19 09:00:37.5+00:00") as epoch ms. */
const parseTime = (s: string) => Date.parse(s.replace(' ', 'T').replace('+00:00', 'Z'));

const pad = (n: number) => String(n).padStart(2, '0');
function label(ms: number, span: number): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return span >= 2 * 86_400_000
    ? date
    : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

test('colouring by creation time fetches node times, recolours and dates the legend', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const answers: Promise<unknown>[] = [];
  page.context().on('response', (r) => {
    if (isHistoryAnswer(r)) answers.push(r.json());
  });
  await page.goto('/');
  await addToSelection(page, 'PN', 3);
  await openView(page, '3D');
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-neuron-count', '3');
  const base = await canvasPixels(page);
  expect(answers, 'no times fetched before the mode is chosen').toHaveLength(0);

  await page.getByLabel('Colour by').selectOption('ctime');
  await expect(region).toHaveAttribute('data-colour-mode', 'ctime');
  await expect(region).toHaveAttribute('data-timed-neurons', '3', { timeout: 30_000 });
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend).toContainText('Creation time');

  const rows = (await Promise.all(answers)).flatMap(nodeRows).filter((r) => r[10] === 1);
  expect(rows.length).toBeGreaterThan(100);
  const times = rows.map((r) => parseTime(String(r[9])));
  const oldest = Math.min(...times);
  const newest = Math.max(...times);
  const from = label(oldest, newest - oldest);
  const to = label(newest, newest - oldest);
  await expect(legend).toContainText(`created ${from}`);
  await expect(legend).toContainText(to);

  const coloured = await canvasPixels(page);
  expect(changed(base, coloured), 'pixels change with the creation-time mode').toBeGreaterThan(100);

  const exportPanel = page.getByRole('region', { name: 'Export' });
  const svg = (
    await download(page, exportPanel.getByRole('button', { name: 'Export SVG' }))
  ).body.toString('utf8');
  expect(svg).toContain(`created ${from}`);
  expect(svg).toContain(to);
  // The newest nodes are drawn in the ramp's last colour, as on screen.
  expect(svg.toLowerCase()).toContain('#fac127');
});
