/**
 * CATMAID's graph endpoints (catmaid-api.md §5.5; CATMAID control/graph2.py): `graph/dps`
 * (skeletons on directed paths, by fronts grown from both ends), `graph/directedpaths` (the
 * paths themselves) and `graph/circlesofhell` (n-hop neighbourhood). All read the same
 * skeleton-level synapse counts as skeletons/connectivity, so their answers agree with it.
 */
import { CatmaidError } from '../http/errors.ts';
import type { ProjectCtx } from '../http/types.ts';
import type { ProjectIndex } from '../data/project-index.ts';

/** skeleton id → skeleton id → synapses (pre-link, post-link pairs), downstream and upstream. */
interface SkeletonGraph {
  down: Map<number, Map<number, number>>;
  up: Map<number, Map<number, number>>;
}

const graphs = new WeakMap<ProjectIndex, SkeletonGraph>();

function add(m: Map<number, Map<number, number>>, a: number, b: number): void {
  let row = m.get(a);
  if (!row) {
    row = new Map();
    m.set(a, row);
  }
  row.set(b, (row.get(b) ?? 0) + 1);
}

function skeletonGraph(p: ProjectIndex): SkeletonGraph {
  const cached = graphs.get(p);
  if (cached) return cached;
  const a = p.a;
  const g: SkeletonGraph = { down: new Map(), up: new Map() };
  const skid = (link: number) => p.neuron(p.skelOfNode[a.linkNode[link] ?? 0] ?? 0).skeletonId;
  for (let c = 0; c < p.nConn; c++) {
    const from = a.connLinkStart[c] ?? 0;
    const to = a.connLinkStart[c + 1] ?? 0;
    for (let l = from; l < to; l++) {
      if (a.linkRelation[l] !== 0) continue;
      const pre = skid(l);
      for (let k = from; k < to; k++) {
        if (a.linkRelation[k] !== 1) continue;
        const post = skid(k);
        if (post === pre) continue;
        add(g.down, pre, post);
        add(g.up, post, pre);
      }
    }
  }
  graphs.set(p, g);
  return g;
}

function fail(message: string): never {
  throw new CatmaidError(500, 'Exception', message);
}

/** `min_synapses` as CATMAID reads it: -1 (the default) means infinity. */
function minSynapses(ctx: ProjectCtx): number {
  const min = ctx.params.int('min_synapses') ?? -1;
  return min === -1 ? Infinity : min;
}

function indexedIds(ctx: ProjectCtx, name: string): Set<number> {
  return new Set(ctx.params.indexedInts(name));
}

function adjacent(m: Map<number, Map<number, number>>, ids: Iterable<number>, min: number) {
  const out = new Set<number>();
  for (const id of ids) for (const [other, n] of m.get(id) ?? []) if (n >= min) out.add(other);
  return out;
}

function fronts(
  m: Map<number, Map<number, number>>,
  start: Set<number>,
  maxHops: number,
  min: number,
): Set<number>[] {
  const out = [start];
  for (let h = 1; h < maxHops; h++) {
    const next = adjacent(m, out[out.length - 1] ?? [], min);
    for (const f of out) for (const id of f) next.delete(id);
    if (next.size === 0) break;
    out.push(next);
  }
  while (out.length < maxHops) out.push(new Set());
  return out;
}

export function directedPathSkeletons(ctx: ProjectCtx): unknown {
  const sources = indexedIds(ctx, 'sources');
  const targets = indexedIds(ctx, 'targets');
  if (sources.size < 1 || targets.size < 1)
    fail('Need at least 1 skeleton IDs for both sources and targets to find directed paths!');
  const maxHops = ctx.params.int('n_hops') ?? 2;
  const min = minSynapses(ctx);
  const g = skeletonGraph(ctx.project);
  const origin = fronts(g.down, sources, maxHops, min);
  const target = fronts(g.up, targets, maxHops, min);
  const out = new Set([...(origin[0] ?? []), ...(target[0] ?? [])]);
  for (let i = 1; i < maxHops; i++)
    for (const id of origin[i] ?? []) if (target[maxHops - i]?.has(id)) out.add(id);
  return [...out].sort((x, y) => x - y);
}

export function directedPaths(ctx: ProjectCtx): unknown {
  const sources = indexedIds(ctx, 'sources');
  const targets = indexedIds(ctx, 'targets');
  if (sources.size < 1 || targets.size < 1)
    fail('Need at least 1 skeleton IDs for both sources and targets to find directed paths!');
  const cutoff = (ctx.params.int('path_length') ?? 2) - 1;
  const min = minSynapses(ctx);
  const g = skeletonGraph(ctx.project);
  const paths: number[][] = [];
  const path: number[] = [];
  const walk = (id: number, target: number): void => {
    path.push(id);
    if (id === target && path.length > 1) paths.push([...path]);
    else if (path.length <= cutoff)
      for (const [next, n] of [...(g.down.get(id) ?? [])].sort((x, y) => x[0] - y[0]))
        if (n >= min && !path.includes(next)) walk(next, target);
    path.pop();
  };
  for (const s of [...sources].sort((x, y) => x - y))
    for (const t of [...targets].sort((x, y) => x - y)) if (s !== t) walk(s, t);
  return paths;
}

export function circlesOfHell(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  let n = ctx.params.int('n_circles') ?? 1;
  if (n < 1) fail('Requires at least one circle.');
  const first = new Set(ctx.params.list('skeleton_ids')?.map(Number) ?? []);
  if (first.size === 0) fail('No skeletons were provided.');
  const minPre = ctx.params.int('min_pre') ?? -1;
  const minPost = ctx.params.int('min_post') ?? -1;
  if (minPre === -1 && minPost === -1) fail("Can't grow: not retrieving any pre or post.");
  const g = skeletonGraph(p);
  let current = new Set(first);
  const all = new Set(first);
  while (n > 0 && current.size > 0) {
    n--;
    const next = new Set<number>();
    // Downstream partners need min_post synapses from one member, upstream ones min_pre onto one.
    if (minPost !== -1) for (const id of adjacent(g.down, current, minPost)) next.add(id);
    if (minPre !== -1) for (const id of adjacent(g.up, current, minPre)) next.add(id);
    current = new Set([...next].filter((id) => !all.has(id)));
    for (const id of next) all.add(id);
  }
  const ids = [...all].filter((id) => !first.has(id)).sort((x, y) => x - y);
  const names: Record<string, string> = {};
  for (const id of ids) {
    const s = p.skelById.get(id);
    if (s !== undefined) names[id] = p.neuron(s).name;
  }
  return [ids, names];
}
