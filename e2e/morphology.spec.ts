/**
 * Issue 11 on the demo server, outside the Neuron view: the selection's "Neuron facts" columns
 * (checked against the server's raw compact-detail and summary answers, sorted and exported),
 * and "Find a node" (a treenode id, a pasted CATMAID link, a wrong id, Show in 3D at this node).
 */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { skeletonIdOf } from './raw-api.ts';
import { addToSelection } from './helpers.ts';

type Row = [number, number | null, ...unknown[]];
type Link = [number, number, number, ...unknown[]];

/** What the facts table should show, computed here from the raw compact-detail. */
async function rawFacts(request: APIRequestContext, skid: number) {
  const res = await request.get(
    `/api/catmaid/1/skeletons/${skid}/compact-detail?with_connectors=true&with_tags=true`,
  );
  const [nodes, links] = (await res.json()) as [Row[], Link[]];
  const children = new Map<number, number>();
  for (const [, parent] of nodes)
    if (parent !== null) children.set(parent, (children.get(parent) ?? 0) + 1);
  return {
    firstNode: nodes[0]?.[0] ?? 0,
    nodes: nodes.length,
    branchPoints: [...children.values()].filter((c) => c >= 2).length,
    ends: nodes.filter(([id, parent]) => parent !== null && !children.has(id)).length,
    pre: links.filter((l) => l[2] === 0).length,
    post: links.filter((l) => l[2] === 1).length,
  };
}

const en = (n: number) => n.toLocaleString('en-US');

async function openPanel(page: Page) {
  const panel = page.getByRole('complementary', { name: 'Selection' });
  const toggle = page.getByRole('button', { name: /^Selection \([\d,]+\)$/ });
  await expect(panel.or(toggle)).toBeVisible();
  if (!(await panel.isVisible())) await toggle.click();
  await expect(panel).toBeVisible();
  return panel;
}

test('the selection’s neuron facts match the server, sort and export', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto('/');
  const names = await addToSelection(page, 'PN DA1');
  expect(names.length).toBeGreaterThanOrEqual(2);
  const panel = await openPanel(page);
  const facts = panel.getByRole('region', { name: 'Neuron facts' });
  await facts.getByRole('button', { name: 'Neuron facts' }).click();
  const chooser = facts.getByRole('group', { name: 'Columns' });
  for (const label of ['Branch points', 'End nodes', 'Pre', 'Post'])
    await chooser.getByRole('checkbox', { name: label, exact: true }).check();
  await expect(facts.getByRole('status', { name: 'Facts status' })).toHaveText(
    `${names.length} neurons`,
    { timeout: 30_000 },
  );
  const table = facts.getByRole('table', { name: 'Neuron facts' });
  for (const name of names) {
    const skid = await skeletonIdOf(request, name);
    const raw = await rawFacts(request, skid);
    const row = table.getByRole('row').filter({ hasText: name });
    await expect(row.getByRole('cell')).toHaveText([
      name,
      String(skid),
      en(raw.nodes),
      /\d/,
      en(raw.branchPoints),
      en(raw.ends),
      en(raw.pre),
      en(raw.post),
      /\d/,
      /^\d{4}-\d{2}-\d{2}$/,
    ]);
  }
  // Sorted by branch points (numeric columns sort descending first).
  await table.getByRole('button', { name: /^Branch points/ }).click();
  const shown = (await table.locator('tbody tr td:nth-child(5)').allInnerTexts()).map((t) =>
    Number(t.replace(/,/g, '')),
  );
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    facts
      .getByRole('group', { name: 'Export neuron facts' })
      .getByRole('button', { name: 'CSV' })
      .click(),
  ]);
  const csv = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
  expect(csv[0]).toBe(
    'name,skeleton_id,nodes,cable_um,branch_points,end_nodes,presynapses,postsynapses,reviewed_percent,last_edited',
  );
  expect(csv).toHaveLength(1 + names.length);
  expect(csv.slice(1).map((l) => Number(l.split(',')[4]))).toEqual(shown);
});

test('tags as 3D markers: every node carrying the chosen tag is marked', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const names = await addToSelection(page, 'PN DA1');
  let tagged = 0;
  for (const name of names) {
    const skid = await skeletonIdOf(request, name);
    const res = await request.get(`/api/catmaid/1/skeletons/${skid}/compact-detail?with_tags=true`);
    const [, , tags] = (await res.json()) as [unknown, unknown, Record<string, unknown[]>];
    tagged += (tags.ends ?? []).length;
  }
  expect(tagged).toBeGreaterThan(0);
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: '3D', exact: true })
    .click();
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  const select = page.getByLabel('Mark nodes tagged');
  await expect(select.locator('option', { hasText: /^ends \(/ })).toHaveText(`ends (${tagged})`);
  await select.selectOption('ends');
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText(
    `${tagged} highlighted synapses: nodes tagged “ends”`,
  );
  await select.selectOption('');
  await expect(page.getByRole('region', { name: 'Legend' })).not.toContainText('nodes tagged');
});

// The wrong id is asked as a treenode (CATMAID: 400) and then as a connector (404); the browser
// logs both failed loads, which is what CATMAID answers, not an app error.
test.describe('node lookup', () => {
  test.use({
    expectedConsoleErrors: ['/treenodes/999999999/compact-detail', '/connectors/999999999/'],
  });

  test('find a node by id, by a pasted CATMAID link, a wrong id, and show it in 3D', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1400, height: 900 });
    const name = 'PN DA1 lPN left';
    const skid = await skeletonIdOf(request, name);
    const raw = await rawFacts(request, skid);
    const nodeId = raw.firstNode;
    await page.goto('/');
    const input = page.getByLabel('Find a node');
    const found = page.getByRole('region', { name: 'Found node' });
    const fact = (term: string) => found.locator('dt', { hasText: term }).locator('+ dd');

    await input.fill(String(nodeId));
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(fact('Skeleton')).toHaveText(`${skid} — ${name}`);
    await expect(fact('Treenode')).toHaveText(String(nodeId));
    await expect(found.getByRole('link', { name: 'Open this neuron' })).toHaveAttribute(
      'href',
      new RegExp(`^\\?view=neuron&pid=1&skid=${skid}`),
    );

    await input.fill('999999999');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'No treenode or connector with id 999999999 in project 1.',
    );

    await input.fill(
      `https://catmaid.example.org/?pid=1&xp=1&yp=2&zp=3&tool=tracingtool&sid0=1&s0=0&active_skeleton_id=${skid}&active_node_id=${nodeId}`,
    );
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(fact('Treenode')).toHaveText(String(nodeId));
    const location = await fact('Location (nm)').innerText();

    await found.getByRole('button', { name: 'Show in 3D at this node' }).click();
    const region = page.getByRole('region', { name: '3D viewer' });
    await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
    await expect(
      page
        .getByRole('button', { name: 'Selection (1)' })
        .or(page.getByRole('complementary', { name: 'Selection' })),
    ).toBeVisible();
    const cam = new URL(page.url()).searchParams.get('cam') ?? '';
    const target = cam
      .split(',')
      .slice(4, 7)
      .map((v) => Math.round(Number(v)).toLocaleString('en-US'));
    expect(target.join(', ')).toBe(location);
  });
});
