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

export function layoutGraph(
  ids: readonly number[],
  edges: readonly GraphEdge[],
  width: number,
  height: number,
  margin = 80,
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
  // Fit into the box, keeping room for labels.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const sx = (width - 2 * margin) / Math.max(1, maxX - minX);
  const sy = (height - 2 * margin) / Math.max(1, maxY - minY);
  const s = Math.min(sx, sy, 1.5);
  const ox = (width - s * (maxX - minX)) / 2;
  const oy = (height - s * (maxY - minY)) / 2;
  return nodes.map((n) => ({
    id: n.id,
    x: ox + s * ((n.x ?? 0) - minX),
    y: oy + s * ((n.y ?? 0) - minY),
  }));
}
