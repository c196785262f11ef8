/**
 * A scene shown before opens framed where it was (src/state/framed-bounds.ts): the camera is
 * framed on the whole scene from the first frame, not on the first neurons in and then again as
 * more arrive, so the view never jumps and the frames after the first only add what arrived.
 * Checked with the first skeleton let through and the rest held back until it is drawn: every
 * frame with neurons in it has the finished view's camera, and that is the view on the whole scene
 * ("Frame all" the first time the scene was shown).
 */
import { test, expect } from './fixtures.ts';
import { afterFrame, reopenWithoutCopies, sceneComplete, showDemoScene } from './held-skeletons.ts';

/**
 * Records each frame's segments drawn and camera (data-view-projection) as it is written. (Not
 * its neuron count: that is the load's count, which may reach the region after the first frame
 * that drew neurons.)
 */
const RECORD_FRAMES = `
  window.__frames = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const d = r.target.dataset;
      window.__frames.push([Number(d.segments ?? 0), d.viewProjection ?? '']);
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-frame'] });
`;

/**
 * Two cameras are the same (the matrices are written with 8 significant digits). `onCanvas`:
 * compare only where points land on the canvas (the x, y and w rows), not the depth row, which
 * holds the clip planes (each showing keeps the planes it first chose while they hold the scene).
 */
function sameCamera(a: string, b: string, onCanvas = false): boolean {
  const x = a.split(',').map(Number);
  const y = b.split(',').map(Number);
  const scale = Math.max(...x.map(Math.abs), 1e-12);
  return (
    x.length === 16 &&
    y.length === 16 &&
    x.every((v, i) => (onCanvas && i % 4 === 2) || Math.abs(v - (y[i] ?? NaN)) <= scale * 1e-6)
  );
}

test('a scene shown before is framed where it was from its first frame with neurons', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The first showing (no camera in the link).
  const { ids, region, link } = await showDemoScene(page, 40);
  expect(new URL(page.url()).searchParams.get('cam'), 'no camera in the link').toBeNull();
  // The view on the whole scene (auto-framing keeps a view framed on part of it while the rest
  // stays within the margin, so the first showing may end framed on the first neurons in).
  await afterFrame(region, () =>
    page.getByRole('group', { name: 'Camera' }).getByRole('button', { name: 'Frame all' }).click(),
  );
  const framed = (await region.getAttribute('data-view-projection')) ?? '';

  await page.addInitScript(RECORD_FRAMES);
  const held = await reopenWithoutCopies(page, region, link);
  const partial = Number(await region.getAttribute('data-neuron-count'));
  expect(partial, 'the first frame with neurons has only some of them').toBeLessThan(ids.length);
  await held.release();
  await sceneComplete(region, ids.length);

  const frames = await page.evaluate(
    () => (window as unknown as { __frames: [number, string][] }).__frames,
  );
  const withNeurons = frames.filter(([n]) => n > 0);
  expect(withNeurons.length, 'frames with neurons').toBeGreaterThan(1);
  const last = withNeurons.at(-1)?.[1] ?? '';
  expect(sameCamera(last, framed, true), 'the view framed on the whole scene').toBe(true);
  for (const [n, camera] of withNeurons)
    expect(sameCamera(camera, last), `the camera of the frame with ${n} segments`).toBe(true);
  await expect(region, 'the complete frame added to the last one').toHaveAttribute(
    'data-frame-added',
    'true',
  );
});
