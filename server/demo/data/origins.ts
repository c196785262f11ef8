/**
 * Where some demo skeletons came from: CATMAID records an import (`skeletons/import`, or the
 * `catmaid_import` command) as a `skeleton_origin` row pointing at a `data_source` (the source
 * server's URL and project) plus the skeleton's id there, and marks the imported nodes by the
 * import transaction. `skeletons/origin` answers the rows, `skeletons/import-info` and
 * `skeletons/summary.num_imported_nodes` count the nodes (API ref §4.4).
 *
 * Derived on demand per skeleton from a stream of its own (never drawn from the generator's
 * streams, so no existing neuron, node or synapse shifts). About one skeleton in six was
 * imported: its first 40–100 % of nodes (in node order, so parents before children: the imported
 * part is a connected tree from the root) came with the import and the rest was traced here.
 * Data source ids are global (one CATMAID database serves both demo projects).
 */
import { createRng } from './prng.ts';
import type { ProjectIndex } from './project-index.ts';

export interface DataSource {
  id: number;
  name: string;
  url: string;
  sourceProjectId: number;
}

export interface SkeletonOrigin {
  dataSourceId: number;
  /** The skeleton's id on the source server. */
  sourceId: number;
  /** How many of the skeleton's first nodes (as generated) were imported. */
  importedNodes: number;
}

const IMPORT_CHANCE = 1 / 6;

/** Made-up servers (example.org never resolves to a CATMAID). */
const SOURCES: readonly Omit<DataSource, 'id'>[] = [
  {
    name: 'Published L1 reconstruction (synthetic)',
    url: 'https://l1-published.catmaid.example.org/',
    sourceProjectId: 1,
  },
  {
    name: 'Collaborating lab server (synthetic)',
    url: 'https://collab-lab.example.org/catmaid/',
    sourceProjectId: 3,
  },
];

/** Project ids are 1 and 2: each project has its own rows in the shared data_source table. */
export function dataSources(p: ProjectIndex): DataSource[] {
  const first = (p.meta.id - 1) * SOURCES.length + 1;
  return SOURCES.map((s, k) => ({ id: first + k, ...s }));
}

const cache = new WeakMap<ProjectIndex, Map<number, SkeletonOrigin | null>>();

/** The origin of skeleton index `s`, or null when it was traced here. */
export function skeletonOrigin(p: ProjectIndex, s: number): SkeletonOrigin | null {
  let m = cache.get(p);
  if (!m) cache.set(p, (m = new Map()));
  const known = m.get(s);
  if (known !== undefined) return known;
  const skeletonId = p.neuron(s).skeletonId;
  const rng = createRng((0x4f52_4947 ^ Math.imul(skeletonId, 0xc2b2_ae35) ^ p.meta.nodeBase) >>> 0);
  // The generated node count, not nodeRange's: a test edit that drops nodes keeps the origin.
  const generated = (p.a.skelNodeStart[s + 1] ?? 0) - (p.a.skelNodeStart[s] ?? 0);
  let origin: SkeletonOrigin | null = null;
  if (rng.chance(IMPORT_CHANCE)) {
    const sources = dataSources(p);
    const source = sources[rng.int(0, sources.length - 1)] ?? sources[0];
    const share = rng.chance(0.4) ? 1 : rng.range(0.4, 1);
    origin = {
      dataSourceId: source?.id ?? 1,
      sourceId: rng.int(1_000_000, 19_999_999),
      importedNodes: Math.max(1, Math.round(generated * share)),
    };
  }
  m.set(s, origin);
  return origin;
}

/** Node indexes of skeleton index `s` that came with its import (none when traced here). */
export function importedNodeRange(p: ProjectIndex, s: number): [number, number] {
  const [n0, n1] = p.nodeRange(s);
  const k = skeletonOrigin(p, s)?.importedNodes ?? 0;
  return [n0, Math.min(n1, n0 + k)];
}

export function importedNodeCount(p: ProjectIndex, s: number): number {
  const [a, b] = importedNodeRange(p, s);
  return b - a;
}
