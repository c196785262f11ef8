/**
 * The Connectivity view's adjacency matrix restricted to a compartment (URL key `ccomp`), on the
 * demo server. The demo projection neuron is split cleanly (segregation index 1, see
 * similarity.spec.ts): every input on its dendrite, every output on its axon. So its column keeps
 * all its inputs when counting synapses onto dendrites and none onto axons, and its row keeps all
 * its outputs when counting synapses made by axons and none made by dendrites. Every other cell
 * can only shrink, and the dendrite and axon matrices of one side never add up to more than the
 * whole neurons' one.
 */
import type { Page } from '@playwright/test';
import { downloadCsv } from './downloads.ts';
import { test, expect } from './fixtures.ts';
import { addToSelection, openView } from './helpers.ts';

const QUERY = '/^(ORN 1a|PN DA1 lPN|MBON-a2|MBON-g2) left$/';
const PN = 'PN DA1 lPN left';

type Matrix = Map<string, Map<string, number>>;

/** The matrix CSV by neuron name (labels are `name (id)`). */
async function matrixCsv(page: Page): Promise<Matrix> {
  const rows = await downloadCsv(page, page.getByRole('group', { name: 'Export matrix' }));
  const name = (label: string) => label.replace(/ \(\d+\)$/, '');
  const cols = (rows[0] ?? []).slice(1).map(name);
  return new Map(
    rows
      .slice(1)
      .map((r): [string, Map<string, number>] => [
        name(r[0] ?? ''),
        new Map(cols.map((c, i) => [c, Number(r[i + 1] ?? 0)])),
      ]),
  );
}

const at = (m: Matrix, pre: string, post: string) => m.get(pre)?.get(post) ?? 0;

test('matrix restricted to dendrites or axons of the row or column neurons', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/?q=${encodeURIComponent(QUERY)}`);
  const names = await addToSelection(page, QUERY);
  expect(names).toHaveLength(4);
  await openView(page, 'Connectivity');
  await page.getByRole('tab', { name: 'Adjacency matrix' }).click();
  await expect(page.locator('[data-plot-ready="true"]')).toBeVisible();
  const whole = await matrixCsv(page);
  const pnInputs = names.map((n) => at(whole, n, PN));
  const pnOutputs = names.map((n) => at(whole, PN, n));
  expect(pnInputs.some((n) => n > 0)).toBe(true);
  expect(pnOutputs.some((n) => n > 0)).toBe(true);

  const compartment = page.getByRole('combobox', { name: /^Synapses on the sources/ });
  const side = page.getByRole('combobox', { name: 'Compartment of the' });
  const restricted = async (c: 'dendrite' | 'axon', s: 'pre' | 'post') => {
    await compartment.selectOption(c);
    await side.selectOption(s);
    await expect(page.getByRole('note')).toContainText(
      s === 'post' ? `onto the ${c}s of the column neurons` : `made by the ${c}s of the row`,
    );
    await expect(page.locator('[data-plot-ready="true"]')).toBeVisible({ timeout: 60_000 });
    return matrixCsv(page);
  };
  const ontoDendrites = await restricted('dendrite', 'post');
  const ontoAxons = await restricted('axon', 'post');
  const byAxons = await restricted('axon', 'pre');
  const byDendrites = await restricted('dendrite', 'pre');
  expect(page.url()).toContain('ccomp=dendrite');

  expect(names.map((n) => at(ontoDendrites, n, PN))).toEqual(pnInputs);
  expect(names.map((n) => at(ontoAxons, n, PN))).toEqual(names.map(() => 0));
  expect(names.map((n) => at(byAxons, PN, n))).toEqual(pnOutputs);
  expect(names.map((n) => at(byDendrites, PN, n))).toEqual(names.map(() => 0));
  // Every cell: one side's dendrite and axon counts never exceed the whole neurons' count.
  for (const pre of names)
    for (const post of names) {
      const all = at(whole, pre, post);
      expect(at(ontoDendrites, pre, post) + at(ontoAxons, pre, post)).toBeLessThanOrEqual(all);
      expect(at(byDendrites, pre, post) + at(byAxons, pre, post)).toBeLessThanOrEqual(all);
    }

  // The pair picker shows exactly the synapses its restricted cell counts.
  await side.selectOption('post');
  await expect(page.getByRole('note')).toContainText('onto the dendrites of the column neurons');
  await expect(page.locator('[data-plot-ready="true"]')).toBeVisible({ timeout: 60_000 });
  const target = names.find((n) => n !== PN && at(whole, PN, n) > 0) ?? '';
  const n = at(ontoDendrites, PN, target);
  // Guard: the restriction changes this pair, so the marker count tells which links were shown.
  expect(n).toBeLessThan(at(whole, PN, target));
  const picker = page.getByRole('group', { name: 'Synapses of a pair' });
  await picker.getByLabel('From').selectOption({ label: PN });
  await picker.getByLabel('onto').selectOption({ label: target });
  await picker.getByRole('button', { name: 'Show synapses in 3D' }).click();
  const region = page.getByRole('region', { name: '3D viewer' });
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 60_000 });
  await expect(region).toHaveAttribute('data-highlighted-synapses', String(n));
});
