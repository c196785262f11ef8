/**
 * Paths in the Circuits view with gap junctions as the link type: exactly the paths the raw
 * gap-junction partner tables imply, each hop going either way (junctions have no direction),
 * found from partner tables since graph/dps follows chemical synapses only.
 */
import type { APIRequestContext } from '@playwright/test';
import { downloadCsv } from './downloads.ts';
import { test, expect } from './fixtures.ts';
import { catmaidPost, skeletonIdOf } from './raw-api.ts';
import { addToSelection } from './helpers.ts';

type Side = Record<string, { num_nodes: number; skids: Record<string, number[]> }>;
const sum = (b: number[] | undefined) => (b ?? []).reduce((x, y) => x + y, 0);

const A = 'LN picky 1 left';
const B = 'LN keystone left';

/** Gap junctions between every pair of neurons, both ways, from the raw partner tables. */
async function gapGraph(request: APIRequestContext) {
  const all = (await (await request.get('/api/catmaid/1/skeletons/')).json()) as number[];
  const form: Record<string, string> = { 'link_types[0]': 'gapjunction', boolean_op: 'OR' };
  all.forEach((id, i) => (form[`source_skeleton_ids[${i}]`] = String(id)));
  const raw = await catmaidPost<{ gapjunction: Side }>(request, 'skeletons/connectivity', form);
  const g = new Map<number, Map<number, number>>();
  const put = (x: number, y: number, n: number) => {
    const row = g.get(x) ?? new Map<number, number>();
    row.set(y, Math.max(n, row.get(y) ?? 0));
    g.set(x, row);
  };
  for (const [partner, p] of Object.entries(raw.gapjunction))
    for (const [source, bins] of Object.entries(p.skids)) {
      put(Number(source), Number(partner), sum(bins));
      put(Number(partner), Number(source), sum(bins));
    }
  return g;
}

/** Simple paths a → b of ≤ hops hops, every hop ≥ min junctions, stopping at b. */
function paths(
  g: Map<number, Map<number, number>>,
  a: number,
  b: number,
  hops: number,
  min: number,
) {
  const out: number[][] = [];
  const walk = (path: number[]) => {
    const last = path[path.length - 1] ?? 0;
    if (last === b && path.length > 1) return void out.push(path);
    if (path.length > hops) return;
    for (const [next, n] of g.get(last) ?? [])
      if (n >= min && !path.includes(next)) walk([...path, next]);
  };
  walk([a]);
  return out;
}

test('gap-junction paths follow junctions either way, as the raw partner tables imply', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/?q=${encodeURIComponent(`/^(${A}|${B})$/`)}`);
  expect(await addToSelection(page, `/^(${A}|${B})$/`)).toHaveLength(2);
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Circuits', exact: true })
    .click();
  await page
    .getByRole('tablist', { name: 'Circuit panels' })
    .getByRole('tab', { name: 'Paths' })
    .click();
  const from = page.getByRole('group', { name: 'From (A)' });
  const to = page.getByRole('group', { name: 'To (B)' });
  await from.getByLabel('Neurons').selectOption('ids');
  await from.getByRole('checkbox', { name: A }).check();
  await to.getByLabel('Neurons').selectOption('ids');
  await to.getByRole('checkbox', { name: B }).check();
  const options = page.getByRole('form', { name: 'Path options' });
  await options.getByLabel('Max hops').fill('2');
  await options.getByLabel('Min synapses per hop').fill('2');
  await options.getByLabel('Link type').selectOption('gapjunction');
  await expect(options).toContainText('a hop may go either way');

  const [a, b] = await Promise.all([skeletonIdOf(request, A), skeletonIdOf(request, B)]);
  const expected = paths(await gapGraph(request), a, b, 2, 2);
  expect(expected.length).toBeGreaterThan(0);
  const summary = page.getByRole('status', { name: 'Path summary' });
  await expect(summary).toHaveText(
    new RegExp(`^${expected.length} paths? through \\d+ neurons · candidates via partner tables$`),
    { timeout: 60_000 },
  );
  await expect(page).toHaveURL(/klt=gapjunction/);
  const csv = await downloadCsv(page, page.getByRole('group', { name: 'Export paths' }));
  const ids = csv.slice(1).map((r) => r[4] ?? '');
  expect(ids.sort()).toEqual(expected.map((p) => p.join(' ')).sort());
});
