/**
 * Line segments for edges that each carry a class (e.g. kept / gone / added since a date), one
 * colour per class: one Float32Array of positions and one of vertex colours, for a single
 * LineSegments draw (the Regions view's small scene draws exactly this shape). A class without
 * a colour is left out, which is how a view hides a class (e.g. today's added edges).
 */

type Rgb = readonly [number, number, number];

interface Point {
  x: number;
  y: number;
  z: number;
}

export interface ClassedEdge<K extends string> {
  child: Point;
  parent: Point;
  change: K;
}

export interface ClassedSegments<K extends string> {
  positions: Float32Array;
  colours: Float32Array;
  segmentCount: number;
  /** Segments drawn per class (0 for a hidden class). */
  counts: Record<K, number>;
}

export function classedSegments<K extends string>(
  edges: readonly ClassedEdge<K>[],
  colours: Partial<Record<K, Rgb>>,
  classes: readonly K[],
): ClassedSegments<K> {
  const counts = Object.fromEntries(classes.map((k) => [k, 0])) as Record<K, number>;
  const drawn = edges.filter((e) => colours[e.change] !== undefined);
  const positions = new Float32Array(drawn.length * 6);
  const rgb = new Float32Array(drawn.length * 6);
  drawn.forEach((e, i) => {
    const c = colours[e.change] ?? [0, 0, 0];
    positions.set([e.parent.x, e.parent.y, e.parent.z, e.child.x, e.child.y, e.child.z], i * 6);
    rgb.set([...c, ...c], i * 6);
    counts[e.change] = (counts[e.change] ?? 0) + 1;
  });
  return { positions, colours: rgb, segmentCount: drawn.length, counts };
}
