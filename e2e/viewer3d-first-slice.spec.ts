/**
 * A reload has its neurons in from the browser's copies before the shader warm-up has finished,
 * so its first frame could hold the whole scene (with software GL, a draw of seconds before any
 * neuron shows). The first frame with neurons is drawn from one small first slice instead
 * (FIRST_UPLOAD_BYTES of src/3d/scene/frame-loop.ts, sent in rounds whose segments can be drawn
 * at once: block-level.ts), and the complete frame adds the rest to it.
 */
import { test, expect } from './fixtures.ts';
import { opfsCopies } from './browser-copies.ts';
import { sceneComplete, showDemoScene } from './held-skeletons.ts';

/**
 * Segments one upload round can make drawable (UPLOAD_ROUND_VERTICES of block-level.ts: the
 * node project does not compile src). The first slice holds one round at full detail.
 */
const ROUND_SEGMENTS = 1 << 15;

/** Records the segments each frame drew, as it is written. */
const RECORD_FRAMES = `
  window.__segments = [];
  new MutationObserver((records) => {
    for (const r of records) window.__segments.push(Number(r.target.dataset.segments ?? 0));
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-frame'] });
`;

test('a reload shows its first neurons from a small first slice, then adds the rest', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { ids, region } = await showDemoScene(page, 60);
  const segments = Number(await region.getAttribute('data-segments'));
  expect(segments, 'a scene of several slices').toBeGreaterThan(2 * ROUND_SEGMENTS);
  // The copies are written once the workers are idle: one per neuron (and a nodes-only one for
  // each of the geometry-first lead).
  await expect.poll(() => opfsCopies(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(ids.length);

  await page.addInitScript(RECORD_FRAMES);
  await page.reload();
  await sceneComplete(region, ids.length);
  const drawn = await page.evaluate(
    () => (window as unknown as { __segments: number[] }).__segments,
  );
  const withNeurons = drawn.filter((n) => n > 0);
  expect(withNeurons[0], 'the first frame with neurons').toBeLessThanOrEqual(ROUND_SEGMENTS);
  expect(withNeurons.at(-1), 'the complete frame').toBe(segments);
  await expect(region, 'the complete frame added to the first').toHaveAttribute(
    'data-frame-added',
    'true',
  );
});
