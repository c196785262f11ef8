/**
 * The whole geometry of the Regions view in one pure function, so it runs in a worker
 * (workers/region-worker.ts) and in tests alike: index every chosen volume, classify every node,
 * connector and extra point, and sum the innervation of each neuron in each volume.
 */
import type { TriangleMesh } from '../../api/x3d-mesh.ts';
import {
  classifyPoints,
  innervation,
  type Innervation,
  type InnervationInput,
  type InsideFlags,
} from './innervation.ts';
import type { InsideMethod } from './inside-method.ts';
import { buildMeshIndex } from './point-in-mesh.ts';
import { firstRegion } from './region-matrix.ts';

export interface RegionJobInput {
  volumes: readonly (TriangleMesh & { id: number })[];
  skeletons: readonly InnervationInput[];
  /** Other points to classify (e.g. connectors of the selection's partners), xyz interleaved. */
  points: Float32Array;
}

export interface RegionJobOutput {
  volumes: { id: number; watertight: boolean; method: InsideMethod }[];
  /** [skeleton][volume], in input order. */
  innervation: Innervation[][];
  /** Per skeleton, per node: index of the first volume containing it, -1 none. */
  nodeRegion: Int16Array[];
  /** Per skeleton, per connector link: the same for the connector location. */
  connectorRegion: Int16Array[];
  /** Per volume: inside flags of `points`. */
  pointInside: InsideFlags[];
}

function regionsOf(flags: readonly InsideFlags[], count: number): Int16Array {
  const out = new Int16Array(count);
  for (let i = 0; i < count; i++) out[i] = firstRegion(flags, i);
  return out;
}

export function runRegionJob(input: RegionJobInput): RegionJobOutput {
  const indexes = input.volumes.map((v) => buildMeshIndex(v));
  const out: RegionJobOutput = {
    volumes: input.volumes.map((v, i) => ({
      id: v.id,
      watertight: indexes[i]?.watertight ?? false,
      method: indexes[i]?.method ?? 'ray-parity',
    })),
    innervation: [],
    nodeRegion: [],
    connectorRegion: [],
    pointInside: indexes.map((ix) => classifyPoints(ix.contains, input.points)),
  };
  for (const s of input.skeletons) {
    const nodeFlags = indexes.map((ix) => classifyPoints(ix.contains, s.positions));
    const connFlags = indexes.map((ix) => classifyPoints(ix.contains, s.connectors.positions));
    out.innervation.push(
      nodeFlags.map((nf, v) => innervation(s, nf, connFlags[v] ?? new Uint8Array(0))),
    );
    out.nodeRegion.push(regionsOf(nodeFlags, s.positions.length / 3));
    out.connectorRegion.push(regionsOf(connFlags, s.connectors.positions.length / 3));
  }
  return out;
}
