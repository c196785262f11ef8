/**
 * Circuits view on the demo server: a path query checked against paths enumerated here from the
 * server's raw partner tables, a grouped matrix checked against raw connectivity_matrix counts
 * summed by cell type, the link-type selector switching counts to gap junctions, and exports.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { catmaidPost, skeletonIdOf } from './raw-api.ts';
import { addToSelection } from './helpers.ts';
import { checkFigureExports, downloadCsv } from './downloads.ts';

type Bins = number[];
type Side = Record<string, { num_nodes: number; skids: Record<string, Bins> }>;
const sum = (b: Bins | undefined) => (b ?? []).reduce((x, y) => x + y, 0);

const indexed = (name: string, ids: number[]) =>
  Object.fromEntries(ids.map((id, i) => [`${name}[${i}]`, String(id)]));

async function skeletonsAnnotated(
  request: APIRequestContext,
  annotation: string,
): Promise<number[]> {
  const r = await catmaidPost<{ entities: { skeleton_ids: number[] }[] }>(
    request,
    'annotations/query-targets',
    {
      'annotated_with[0]': annotation,
      annotation_reference: 'name',
      'sub_annotated_with[0]': annotation,
      'types[0]': 'neuron',
    },
  );
  return r.entities.flatMap((e) => e.skeleton_ids);
}

/** Downstream synapse counts of every neuron, from the raw partner tables. */
async function downstreamGraph(request: APIRequestContext) {
  const all = (await (await request.get('/api/catmaid/1/skeletons/')).json()) as number[];
  const raw = await catmaidPost<{ outgoing: Side }>(request, 'skeletons/connectivity', {
    ...indexed('source_skeleton_ids', all),
    boolean_op: 'OR',
  });
  const down = new Map<number, Map<number, number>>();
  for (const [post, p] of Object.entries(raw.outgoing))
    for (const [pre, bins] of Object.entries(p.skids)) {
      const row = down.get(Number(pre)) ?? new Map<number, number>();
      row.set(Number(post), sum(bins));
      down.set(Number(pre), row);
    }
  return down;
}

/** Simple paths a → b of ≤ hops hops, every hop ≥ min synapses. */
function paths(
  down: Map<number, Map<number, number>>,
  a: number,
  b: number,
  hops: number,
  min: number,
) {
  const out: { neurons: number[]; weakest: number }[] = [];
  const walk = (path: number[], weakest: number) => {
    const last = path[path.length - 1] ?? 0;
    if (last === b && path.length > 1) return void out.push({ neurons: path, weakest });
    if (path.length > hops) return;
    for (const [next, n] of down.get(last) ?? [])
      if (n >= min && !path.includes(next)) walk([...path, next], Math.min(weakest, n));
  };
  walk([a], Infinity);
  return out;
}

async function openCircuits(page: Page, panel: string) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Circuits', exact: true })
    .click();
  await page
    .getByRole('tablist', { name: 'Circuit panels' })
    .getByRole('tab', { name: panel })
    .click();
}

async function chooseAnnotation(page: Page, set: Locator, annotation: string) {
  await set.getByLabel('Neurons').selectOption('annotation');
  await set.getByLabel('Annotation').fill(annotation);
  await set.getByRole('button', { name: 'Use' }).click();
}

const A = 'PN DA1 lPN left';
const B = 'MBON-a1 left';

test('a path query lists exactly the paths the raw connectivity implies, with exports', async ({
  page,
  request,
}) => {
  await page.goto(`/?q=${encodeURIComponent(`/^(${A}|${B})$/`)}`);
  expect(await addToSelection(page, `/^(${A}|${B})$/`)).toHaveLength(2);
  await openCircuits(page, 'Paths');
  const from = page.getByRole('group', { name: 'From (A)' });
  const to = page.getByRole('group', { name: 'To (B)' });
  await from.getByLabel('Neurons').selectOption('ids');
  await from.getByRole('checkbox', { name: A }).check();
  await to.getByLabel('Neurons').selectOption('ids');
  await to.getByRole('checkbox', { name: B }).check();
  const options = page.getByRole('form', { name: 'Path options' });
  await options.getByLabel('Max hops').fill('2');
  await options.getByLabel('Min synapses per hop').fill('6');

  const [a, b] = await Promise.all([skeletonIdOf(request, A), skeletonIdOf(request, B)]);
  const down = await downstreamGraph(request);
  const expected = paths(down, a, b, 2, 6);
  expect(expected.length).toBeGreaterThan(1);
  expect(expected.some((p) => p.neurons.length === 3)).toBe(true);
  const summary = page.getByRole('status', { name: 'Path summary' });
  await expect(summary).toHaveText(
    new RegExp(`^${expected.length} paths through \\d+ neurons · candidates via graph/dps$`),
  );
  await expect(page).toHaveURL(/kph=2&kpm=6/);

  // The CSV lists the same paths, strongest weakest hop first.
  const csv = await downloadCsv(page, page.getByRole('group', { name: 'Export paths' }));
  const [header, ...rows] = csv;
  expect(header).toEqual([
    'path',
    'hops',
    'weakest_hop_synapses',
    'synapses_per_hop',
    'skeleton_ids',
  ]);
  const got = rows.map((r) => r[4] ?? '').sort();
  expect(got).toEqual(expected.map((p) => p.neurons.join(' ')).sort());
  const weakest = rows.map((r) => Number(r[2]));
  expect(weakest).toEqual([...weakest].sort((x, y) => y - x));

  await checkFigureExports(page, page.getByRole('group', { name: 'Export path graph' }));
  const neurons = new Set(expected.flatMap((p) => p.neurons));
  await page.getByRole('button', { name: 'Add all path neurons to the selection' }).click();
  await expect(page.getByRole('button', { name: /^Selection \(/ })).toHaveAccessibleName(
    `Selection (${neurons.size})`,
  );

  // A shared link reproduces the query.
  await page.reload();
  await expect(summary).toHaveText(new RegExp(`^${expected.length} paths`));
});

test('a matrix grouped by cell type sums the raw counts; its exports work', async ({
  page,
  request,
}) => {
  await page.goto('/?view=circuits&kpanel=matrix');
  const rowsSet = page.getByRole('group', { name: 'Rows (sources)' });
  const colsSet = page.getByRole('group', { name: 'Columns (targets)' });
  await chooseAnnotation(page, rowsSet, 'olfactory circuit');
  await chooseAnnotation(page, colsSet, 'mushroom body circuit');
  const options = page.getByRole('form', { name: 'Matrix options' });
  await options.getByRole('combobox', { name: 'Group', exact: true }).selectOption('both');
  await expect(page.getByRole('status', { name: 'Matrix summary' })).toHaveText(
    '3 rows × 5 columns',
  );

  const rowTypes = ['LN', 'ORN', 'PN'];
  const colTypes = ['APL', 'DAN', 'KC', 'MBIN', 'MBON'];
  const members = new Map<string, number[]>();
  for (const t of [...rowTypes, ...colTypes]) members.set(t, await skeletonsAnnotated(request, t));
  const rowIds = rowTypes.flatMap((t) => members.get(t) ?? []);
  const colIds = colTypes.flatMap((t) => members.get(t) ?? []);
  const raw = await catmaidPost<Record<string, Record<string, number>>>(
    request,
    'skeleton/connectivity_matrix',
    {
      ...indexed('rows', rowIds),
      ...indexed('columns', colIds),
    },
  );
  const csv = await downloadCsv(
    page,
    page.getByRole('group', { name: 'Export Connectivity matrix' }),
  );
  const [header, ...rows] = csv;
  expect(header?.slice(1)).toEqual(colTypes.map((t) => `${t} (${members.get(t)?.length})`));
  rowTypes.forEach((rt, i) => {
    const row = rows[i] ?? [];
    expect(row[0]).toBe(`${rt} (${members.get(rt)?.length})`);
    colTypes.forEach((ct, j) => {
      let total = 0;
      for (const pre of members.get(rt) ?? [])
        for (const post of members.get(ct) ?? []) total += raw[pre]?.[post] ?? 0;
      expect(Number(row[j + 1]), `${rt} → ${ct}`).toBe(total);
    });
  });
  // Clustering adds the dendrograms; the figure exports as SVG and PNG.
  await options.getByLabel('Order').selectOption('cluster');
  await expect(page).toHaveURL(/kmo=cluster/);
  await checkFigureExports(page, page.getByRole('group', { name: 'Export Connectivity matrix' }));
});

test('the link-type selector switches grouped partners to gap junctions', async ({
  page,
  request,
}) => {
  await page.goto('/?view=circuits&kpanel=groups');
  await chooseAnnotation(page, page.getByRole('group', { name: 'Sources' }), 'LN');
  const sources = await skeletonsAnnotated(request, 'LN');
  const synapses = await catmaidPost<{ incoming: Side }>(request, 'skeletons/connectivity', {
    ...indexed('source_skeleton_ids', sources),
  });
  const gaps = await catmaidPost<{ gapjunction: Side }>(request, 'skeletons/connectivity', {
    ...indexed('source_skeleton_ids', sources),
    'link_types[0]': 'gapjunction',
  });
  const total = (side: Side) =>
    Object.values(side).reduce(
      (s, p) => s + sources.reduce((t, id) => t + sum(p.skids[String(id)]), 0),
      0,
    );
  const inputs = page.getByRole('status', { name: 'Inputs by group (upstream) summary' });
  await expect(inputs).toHaveText(
    new RegExp(` · ${total(synapses.incoming).toLocaleString('en-US')} synapses$`),
  );
  await page
    .getByRole('form', { name: 'Grouping options' })
    .getByLabel('Link type')
    .selectOption('gapjunction');
  const gapTotal = total(gaps.gapjunction);
  expect(gapTotal).toBeGreaterThan(0);
  const gapSummary = page.getByRole('status', {
    name: 'Partners by group (Gap junctions) summary',
  });
  await expect(gapSummary).toHaveText(`1 group · ${gapTotal} synapses`);
  await expect(page).toHaveURL(/klt=gapjunction/);
  // Expanding the group lists its neurons.
  await page.getByRole('button', { name: 'Expand LN' }).click();
  await expect(page.getByRole('region', { name: 'LN neurons' })).toBeVisible();
});

test('the Connectivity view’s partner tables switch to gap junctions too', async ({
  page,
  request,
}) => {
  await page.goto(`/?q=${encodeURIComponent('/^LN /')}`);
  const names = await addToSelection(page, '/^LN /');
  const ids = await Promise.all(names.map((n) => skeletonIdOf(request, n)));
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Connectivity', exact: true })
    .click();
  await expect(page.getByRole('status', { name: 'Upstream partners summary' })).toBeVisible();
  const gaps = await catmaidPost<{ gapjunction: Side }>(request, 'skeletons/connectivity', {
    ...indexed('source_skeleton_ids', ids),
    'link_types[0]': 'gapjunction',
  });
  let partners = 0;
  let links = 0;
  for (const p of Object.values(gaps.gapjunction)) {
    partners++;
    links += ids.reduce((t, id) => t + sum(p.skids[String(id)]), 0);
  }
  expect(partners).toBeGreaterThan(0);
  await page
    .getByRole('form', { name: 'Link type' })
    .getByLabel('Link type')
    .selectOption('gapjunction');
  await expect(page.getByRole('status', { name: 'Partners by gap junctions summary' })).toHaveText(
    `${partners} partners · ${links} synapses`,
  );
  await expect(page.getByRole('status', { name: 'Downstream partners summary' })).toHaveCount(0);

  // The adjacency matrix counts the same type: its cells add up to the junctions among the LNs.
  let among = 0;
  for (const [partner, p] of Object.entries(gaps.gapjunction))
    if (ids.includes(Number(partner)))
      among += ids.reduce((t, id) => t + sum(p.skids[String(id)]), 0);
  expect(among).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Adjacency matrix' }).click();
  const matrix = await downloadCsv(page, page.getByRole('group', { name: 'Export matrix' }));
  const cells = matrix.slice(1).flatMap((r) => r.slice(1).map(Number));
  expect(cells.reduce((x, y) => x + y, 0)).toBe(among);
});

test('neighbourhood hops follow the raw partner tables; fractions add to 1 and export', async ({
  page,
  request,
}) => {
  await page.goto(`/?q=${encodeURIComponent(`/^${A}$/`)}`);
  await addToSelection(page, `/^${A}$/`);
  await openCircuits(page, 'Neighbourhood');
  const options = page.getByRole('form', { name: 'Neighbourhood options' });
  await options.getByLabel('Hops').fill('1');
  await options.getByLabel('Min synapses per hop').fill('8');
  const a = await skeletonIdOf(request, A);
  const down = await downstreamGraph(request);
  const expected = [...(down.get(a) ?? [])].filter(([, n]) => n >= 8).length;
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByRole('status', { name: 'Hop 1 summary' })).toHaveText(
    `${expected} neurons`,
  );
  const hop = await downloadCsv(page, page.getByRole('group', { name: 'Export hop 1' }));
  expect(hop.length - 2).toBe(expected); // header and totals rows
  await checkFigureExports(page, page.getByRole('group', { name: 'Export neighbourhood' }));

  await page
    .getByRole('tablist', { name: 'Circuit panels' })
    .getByRole('tab', { name: 'Input/output fractions' })
    .click();
  await expect(page.getByRole('figure', { name: 'Synapse fractions' })).toBeVisible();
  const csv = await downloadCsv(
    page,
    page.getByRole('group', { name: 'Export Synapse fractions' }),
  );
  const [header, ...rows] = csv;
  expect(header?.slice(3, 6)).toEqual(['group', 'synapses', 'fraction']);
  const total = rows.reduce((s, r) => s + Number(r[5]), 0);
  expect(total).toBeCloseTo(1, 2);
  expect(rows.reduce((s, r) => s + Number(r[4]), 0)).toBe(Number(rows[0]?.[6]));
});
