/**
 * Where the selection's synapses are: a region × region matrix whose cell (A, B) counts synaptic
 * links from a presynaptic site (the connector) in region A to a postsynaptic partner node in
 * region B.
 *
 * Rules:
 * - Regions are the chosen volumes in order; a point belongs to the first one containing it,
 *   else to "outside all" (the last row / column).
 * - One count per postsynaptic link of a connector whose presynaptic neuron is in the selection.
 * - The partner node's position is known when the postsynaptic neuron is loaded (in the
 *   selection); links to partners outside it are counted per presynaptic region in `unknownPost`.
 */

export interface SynapseLink {
  /** Region index of the connector (presynaptic site), -1 outside all. */
  preRegion: number;
  /** Region index of the postsynaptic node, -1 outside all, null when its position is unknown. */
  postRegion: number | null;
}

export interface RegionMatrix {
  /** (regions + 1) × (regions + 1); index `regions` is "outside all". */
  counts: number[][];
  /** Per presynaptic region (same indexing): links whose partner node is unknown. */
  unknownPost: number[];
}

export function regionMatrix(regionCount: number, links: Iterable<SynapseLink>): RegionMatrix {
  const size = regionCount + 1;
  const at = (r: number) => (r < 0 || r >= regionCount ? regionCount : r);
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const unknownPost = new Array<number>(size).fill(0);
  for (const link of links) {
    const a = at(link.preRegion);
    if (link.postRegion === null) {
      unknownPost[a] = (unknownPost[a] ?? 0) + 1;
    } else {
      const row = counts[a];
      const b = at(link.postRegion);
      if (row) row[b] = (row[b] ?? 0) + 1;
    }
  }
  return { counts, unknownPost };
}

/** First region whose flags say the point is inside, else -1. */
export function firstRegion(flags: readonly Uint8Array[], i: number): number {
  for (let r = 0; r < flags.length; r++) if (flags[r]?.[i]) return r;
  return -1;
}
