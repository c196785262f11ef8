/**
 * Skeleton line segments pruned and coloured by region (pymaid prune_by_volume, for display).
 *
 * Rules:
 * - `keep: 'inside'` keeps the nodes inside the volume, `'outside'` the others, `'all'` every
 *   node; an edge is drawn when both its nodes are kept (as prune_by_volume, which drops the
 *   nodes and so the edges that cross the boundary).
 * - Colour by region: each vertex takes the colour of the first chosen volume containing its
 *   node (`regionColours[r]`), grey outside all; colour by neuron: the neuron's colour.
 * One Float32Array of positions and one of colours for all neurons: one draw call.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';

type Rgb = readonly [number, number, number];

export interface RegionSegmentsInput {
  skeletons: readonly Pick<SkeletonDetail, 'positions' | 'parentIndex' | 'nodeCount'>[];
  /** Per skeleton, per node: first region index or -1 (RegionJobOutput.nodeRegion). */
  nodeRegion: readonly Int16Array[];
  /** Which region the pruning looks at. */
  region: number;
  keep: 'inside' | 'outside' | 'all';
  colourBy: 'region' | 'neuron';
  regionColours: readonly Rgb[];
  neuronColours: readonly Rgb[];
  outsideColour: Rgb;
}

export interface RegionSegments {
  positions: Float32Array;
  colours: Float32Array;
  segmentCount: number;
}

export function regionSegments(input: RegionSegmentsInput): RegionSegments {
  const kept = (regions: Int16Array | undefined, i: number) => {
    if (input.keep === 'all') return true;
    const isIn = (regions?.[i] ?? -1) === input.region;
    return input.keep === 'inside' ? isIn : !isIn;
  };
  let count = 0;
  input.skeletons.forEach((s, k) => {
    const regions = input.nodeRegion[k];
    for (let i = 0; i < s.nodeCount; i++) {
      const p = s.parentIndex[i] ?? -1;
      if (p >= 0 && kept(regions, i) && kept(regions, p)) count++;
    }
  });
  const positions = new Float32Array(count * 6);
  const colours = new Float32Array(count * 6);
  let at = 0;
  input.skeletons.forEach((s, k) => {
    const regions = input.nodeRegion[k];
    const neuron = input.neuronColours[k] ?? input.outsideColour;
    const put = (node: number) => {
      positions.set(s.positions.subarray(3 * node, 3 * node + 3), at);
      const r = regions?.[node] ?? -1;
      const c =
        input.colourBy === 'neuron'
          ? neuron
          : r >= 0
            ? (input.regionColours[r] ?? input.outsideColour)
            : input.outsideColour;
      colours.set(c, at);
      at += 3;
    };
    for (let i = 0; i < s.nodeCount; i++) {
      const p = s.parentIndex[i] ?? -1;
      if (p < 0 || !kept(regions, i) || !kept(regions, p)) continue;
      put(p);
      put(i);
    }
  });
  return { positions, colours, segmentCount: count };
}
