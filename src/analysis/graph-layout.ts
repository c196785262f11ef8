/**
 * Force-directed layout of a small directed network (d3-force, run to rest synchronously; the
 * view calls it after paint). Deterministic: d3-force seeds its own jitter.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';

export interface GraphEdge {
  source: number;
  target: number;
  weight: number;
}

export interface LaidOutNode {
  id: number;
  x: number;
  y: number;
}

interface SimNode extends SimulationNodeDatum {
  id: number;
}

/** Room kept free around the nodes: a node's radius and a label line above and below. */
export const LAYOUT_MARGIN = { x: 40, y: 28 };
/** The fit may stretch one axis up to this factor more than the other to fill the frame. */
const MAX_STRETCH = 1.8;

export function layoutGraph(
  ids: readonly number[],
  edges: readonly GraphEdge[],
  width: number,
  height: number,
  margin = LAYOUT_MARGIN,
): LaidOutNode[] {
  const nodes: SimNode[] = ids.map((id) => ({ id }));
  const present = new Set(ids);
  const links = edges
    .filter((e) => e.source !== e.target && present.has(e.source) && present.has(e.target))
    .map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  const maxWeight = Math.max(1, ...links.map((l) => l.weight));
  const sim = forceSimulation(nodes)
    .force(
      'link',
      forceLink<SimNode, (typeof links)[number]>(links)
        .id((d) => d.id)
        .distance((l) => 190 - 70 * (l.weight / maxWeight))
        .strength(0.4),
    )
    .force('charge', forceManyBody().strength(-380).distanceMax(400))
    .force('collide', forceCollide(44))
    // Gentle gravity keeps disconnected parts of the network near each other.
    .force('x', forceX(width / 2).strength(0.06))
    .force('y', forceY(height / 2).strength(0.06))
    .force('center', forceCenter(width / 2, height / 2))
    .stop();
  sim.tick(300);
  return fitToFrame(
    nodes.map((n) => ({ id: n.id, x: n.x ?? 0, y: n.y ?? 0 })),
    width,
    height,
    margin,
  );
}

/**
 * Scales the layout's bounding box to the frame minus the margins, centred: the force layout's
 * own extent is arbitrary, and drawing it 1:1 used only part of the frame. Each axis is scaled
 * on its own (up to MAX_STRETCH apart) so a round layout fills a wide frame.
 */
export function fitToFrame(
  nodes: readonly LaidOutNode[],
  width: number,
  height: number,
  margin = LAYOUT_MARGIN,
): LaidOutNode[] {
  if (nodes.length === 0) return [];
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const roomX = Math.max(0, width - 2 * margin.x);
  const roomY = Math.max(0, height - 2 * margin.y);
  let sx = spanX > 1e-9 ? roomX / spanX : Infinity;
  let sy = spanY > 1e-9 ? roomY / spanY : Infinity;
  if (!Number.isFinite(sx) && !Number.isFinite(sy)) sx = sy = 1;
  else if (!Number.isFinite(sx)) sx = sy;
  else if (!Number.isFinite(sy)) sy = sx;
  if (sx > sy * MAX_STRETCH) sx = sy * MAX_STRETCH;
  if (sy > sx * MAX_STRETCH) sy = sx * MAX_STRETCH;
  const ox = (width - sx * spanX) / 2;
  const oy = (height - sy * spanY) / 2;
  return nodes.map((n) => ({ id: n.id, x: ox + sx * (n.x - minX), y: oy + sy * (n.y - minY) }));
}
