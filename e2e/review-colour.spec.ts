/**
 * The "Review (whitelist)" 3D colour mode on the demo server: choosing it fetches compact-detail
 * with_reviews for the drawn neurons, recolours the drawing, and the reviewed node count in the
 * vertices (ready signal) and the legend follow the reviewer whitelist, checked against counts
 * computed here from the raw answers the app received.
 */
import type { Response } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { addToSelection, openView } from './helpers.ts';
import { canvasPixels, changed, viewer } from './canvas.ts';

const isReviewAnswer = (r: Response) =>
  r.url().includes('compact-detail') &&
  `${r.url()} ${r.request().postData() ?? ''}`.includes('with_reviews=true');

/** The skeletons of one compact-detail answer, single (5-array) or batch ({skeletons}). */
function details(body: unknown): unknown[][][] {
  return Array.isArray(body)
    ? [body as unknown[][]]
    : Object.values((body as { skeletons: Record<string, unknown[][]> }).skeletons);
}

/** Reviewed / all node count under a whitelist (null = anyone), from raw answers. */
function expectedCount(answers: unknown[][][], whitelist: Set<number> | null): string {
  let reviewed = 0;
  let total = 0;
  for (const d of answers) {
    const nodes = new Set((d[0] ?? []).map((r) => (r as number[])[0]));
    // Review rows: [node, review id, reviewer, …].
    const counted = new Set(
      (d[3] ?? [])
        .map((r) => r as number[])
        .filter((r) => whitelist === null || whitelist.has(r[2] ?? -1))
        .map((r) => r[0])
        .filter((id) => nodes.has(id)),
    );
    reviewed += counted.size;
    total += nodes.size;
  }
  return `${reviewed}/${total}`;
}

test('colouring by review fetches reviews, recolours and follows the reviewer whitelist', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const server = (
    (await (await request.get('/api/config')).json()) as { server: { label: string } }
  ).server.label;
  const users = (await (await request.get('/api/catmaid/user-list')).json()) as {
    id: number;
    login: string;
  }[];
  const bodies: Promise<unknown>[] = [];
  page.context().on('response', (r) => {
    if (isReviewAnswer(r)) bodies.push(r.json());
  });
  await page.goto('/');
  await addToSelection(page, 'PN', 3);
  await openView(page, '3D');
  const region = viewer(page);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-neuron-count', '3');
  const base = await canvasPixels(page);
  expect(bodies, 'no reviews fetched before the mode is chosen').toHaveLength(0);

  await page.getByLabel('Colour by').selectOption('review');
  await expect(region).toHaveAttribute('data-colour-mode', 'review');
  await expect(region).toHaveAttribute('data-review-coded-neurons', '3', { timeout: 30_000 });
  const answers = (await Promise.all(bodies)).flatMap(details);
  const anyone = expectedCount(answers, null);
  await expect(region).toHaveAttribute('data-reviewed-nodes', anyone);
  const [reviewed, total] = anyone.split('/').map(Number);
  expect(reviewed, 'the demo neurons are partly reviewed').toBeGreaterThan(0);
  expect(reviewed).toBeLessThan(total ?? 0);
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend).toContainText('Review (whitelist)');
  await expect(legend).toContainText('reviewed by anyone');
  await expect(legend).toContainText('not reviewed');
  expect(
    changed(base, await canvasPixels(page)),
    'pixels change with the review mode',
  ).toBeGreaterThan(100);

  // Whitelist one user so fewer nodes count: the reviewer with the fewest reviews when several
  // reviewed these neurons, else a user who reviewed none of them.
  const reviewers = new Map<number, number>();
  for (const d of answers)
    for (const r of d[3] ?? []) {
      const id = (r as number[])[2] ?? -1;
      reviewers.set(id, (reviewers.get(id) ?? 0) + 1);
    }
  const fewest = [...reviewers].sort((a, b) => a[1] - b[1])[0]?.[0];
  const reviewer =
    reviewers.size > 1 && fewest !== undefined
      ? fewest
      : (users.find((u) => !reviewers.has(u.id))?.id ?? -1);
  const login = users.find((u) => u.id === reviewer)?.login ?? '';
  const listed = expectedCount(answers, new Set([reviewer]));
  expect(listed, 'one reviewer counts fewer nodes than everyone').not.toBe(anyone);
  const before = await canvasPixels(page);
  await page.evaluate(
    ([key, list]) =>
      localStorage.setItem(
        'catmaid-dashboard:reviewer-whitelist',
        JSON.stringify({ state: { byServer: { [key]: list } }, version: 1 }),
      ),
    [server, [reviewer]] as const,
  );
  await page.reload();
  await expect(region).toHaveAttribute('data-colour-mode', 'review');
  await expect(region).toHaveAttribute('data-review-coded-neurons', '3', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-reviewed-nodes', listed);
  await expect(legend).toContainText(`reviewed by ${login}`);
  await expect(region).toHaveAttribute('data-scene-ready', 'true', { timeout: 30_000 });
  expect(
    changed(before, await canvasPixels(page)),
    'fewer nodes drawn as reviewed',
  ).toBeGreaterThan(0);

  // Both modes share the per-vertex code: switching away and back rewrites each mode's codes.
  await page.getByLabel('Colour by').selectOption('ctime');
  await expect(region).toHaveAttribute('data-timed-neurons', '3', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-review-coded-neurons', '0');
  await page.getByLabel('Colour by').selectOption('review');
  await expect(region).toHaveAttribute('data-review-coded-neurons', '3', { timeout: 30_000 });
  await expect(region).toHaveAttribute('data-reviewed-nodes', listed);
});
