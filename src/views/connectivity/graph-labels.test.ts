/** The network graph's layout and labels together: 20 neurons fill the frame, labels never collide. */
import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../analysis/graph-layout.ts';
import { overlaps, placeLabels } from '../../components/plots/place-labels.ts';

const W = 900;
const H = 620;
const ids = Array.from({ length: 20 }, (_, i) => 1000 + i);
const names = ids.map((id, i) => (i < 3 ? `KC-a'b' 00${i} left` : `PN DA${i} lPN right #${id}`));
const edges = ids.slice(3).flatMap((id, i) => [
  { source: ids[i % 3] ?? 0, target: id, weight: 1 + (i % 5) },
  { source: id, target: ids[(i + 1) % 3] ?? 0, weight: 2 },
]);

describe('network graph labels on 20 nodes', () => {
  const nodes = layoutGraph(ids, edges, W, H);
  const labels = placeLabels(
    nodes.map((n, i) => ({ id: n.id, x: n.x, y: n.y, r: i < 3 ? 11 : 8, text: names[i] ?? '' })),
    W,
    H,
  );
  const shown = labels.filter((l) => l.visible);

  it('no two labels overlap, none covers a node, all inside the frame', () => {
    for (const a of shown) {
      expect(a.box.x0).toBeGreaterThanOrEqual(0);
      expect(a.box.x1).toBeLessThanOrEqual(W);
      expect(a.box.y0).toBeGreaterThanOrEqual(0);
      expect(a.box.y1).toBeLessThanOrEqual(H);
      for (const b of shown) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
      for (const n of nodes)
        expect(overlaps(a.box, { x0: n.x - 8, y0: n.y - 8, x1: n.x + 8, y1: n.y + 8 })).toBe(false);
    }
  });

  it('with the layout fitted to the frame, almost every label finds a place', () => {
    expect(shown.length).toBeGreaterThanOrEqual(18);
  });
});
