/**
 * Partner tables, connectivity matrix and connector pairs (catmaid-api.md §5.1, §5.2, §5.4).
 * All three read the same link table, so their counts agree by construction.
 */
import { CatmaidError, valueError } from '../http/errors.ts';
import { f32 } from '../http/float32.ts';
import type { ProjectCtx } from '../http/types.ts';
import type { ProjectIndex } from '../data/project-index.ts';
import { gapJunctionPartners, gapJunctionRows } from './gap-partners.ts';

const RELATION: Record<string, number> = { presynaptic_to: 0, postsynaptic_to: 1 };

/** Call `fn(ownLink, partnerLink)` for every synaptic pair of skeleton s seen from relation `rel`. */
function eachPair(
  p: ProjectIndex,
  s: number,
  rel: number,
  fn: (own: number, other: number) => void,
): void {
  const a = p.a;
  for (const l of p.links(s)) {
    if (a.linkRelation[l] !== rel) continue;
    const c = p.linkConn[l] ?? 0;
    for (let k = a.connLinkStart[c] ?? 0; k < (a.connLinkStart[c + 1] ?? 0); k++)
      if (a.linkRelation[k] !== rel) fn(l, k);
  }
}

interface Partner {
  num_nodes: number;
  skids: Record<string, number[]>;
  links?: number[][];
}

export function connectivity(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const sources = ctx.params.intList('source_skeleton_ids');
  if (!sources) throw new CatmaidError(500, 'TypeError', "'NoneType' object is not iterable");
  const and = (ctx.params.get('boolean_op') ?? 'OR').toUpperCase() === 'AND';
  const withNodes = ctx.params.bool('with_nodes');
  const types = ctx.params.list('link_types') ?? ['incoming', 'outgoing'];
  const known = [
    'incoming',
    'outgoing',
    'gapjunction',
    'abutting',
    'attachment',
    'close_object',
    'tightjunction',
    'desmosome',
  ];
  const out: Record<string, unknown> = {};
  const srcIndex = sources
    .map((id) => [id, p.skelById.get(id)] as const)
    .filter((e): e is readonly [number, number] => e[1] !== undefined);
  for (const type of types) {
    if (!known.includes(type)) continue;
    const partners =
      type === 'gapjunction'
        ? gapJunctionPartners(p, srcIndex, withNodes)
        : new Map<number, Partner>();
    if (type === 'incoming' || type === 'outgoing') {
      for (const [srcId, s] of srcIndex) {
        eachPair(p, s, type === 'outgoing' ? 0 : 1, (own, other) => {
          const ps = p.skelOfNode[a.linkNode[other] ?? 0] ?? 0;
          let entry = partners.get(ps);
          if (!entry) {
            const [n0, n1] = p.nodeRange(ps);
            entry = { num_nodes: n1 - n0, skids: {} };
            if (withNodes) entry.links = [];
            partners.set(ps, entry);
          }
          const hist = (entry.skids[srcId] ??= [0, 0, 0, 0, 0]);
          const conf = Math.min(a.linkConfidence[own] ?? 0, a.linkConfidence[other] ?? 0);
          hist[conf - 1] = (hist[conf - 1] ?? 0) + 1;
          entry.links?.push([
            p.nodeId(a.linkNode[own] ?? 0),
            p.nodeId(a.linkNode[other] ?? 0),
            srcId,
            p.connId(p.linkConn[own] ?? 0),
          ]);
        });
      }
    }
    const table: Record<string, Partner> = {};
    const reviewers = new Set<number>();
    for (const [ps, entry] of partners) {
      if (and && Object.keys(entry.skids).length < srcIndex.length) continue;
      table[p.neuron(ps).skeletonId] = entry;
      const [n0, n1] = p.nodeRange(ps);
      const [r0, r1] = p.reviewRange(n0, n1);
      for (let r = r0; r < r1; r++) reviewers.add(a.reviewer[r] ?? 0);
    }
    out[type] = table;
    out[`${type}_reviewers`] = [...reviewers];
  }
  return out;
}

export function connectivityMatrix(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const rows = ctx.params.intList('rows') ?? [];
  const cols = new Set(ctx.params.intList('columns') ?? []);
  const rowRel = RELATION[ctx.params.get('row_relation') ?? 'presynaptic_to'];
  const colRel = RELATION[ctx.params.get('col_relation') ?? 'postsynaptic_to'];
  if (rowRel === undefined || colRel === undefined) throw valueError('Unknown relation');
  const withLocations = ctx.params.bool('with_locations');
  const out: Record<string, Record<string, unknown>> = {};
  for (const rowId of new Set(rows)) {
    const s = p.skelById.get(rowId);
    if (s === undefined) continue;
    const counts = new Map<number, { count: number; locations: Map<number, number> }>();
    for (const l of p.links(s)) {
      if (a.linkRelation[l] !== rowRel) continue;
      const c = p.linkConn[l] ?? 0;
      for (let k = a.connLinkStart[c] ?? 0; k < (a.connLinkStart[c + 1] ?? 0); k++) {
        if (k === l || a.linkRelation[k] !== colRel) continue;
        const colId = p.neuron(p.skelOfNode[a.linkNode[k] ?? 0] ?? 0).skeletonId;
        if (!cols.has(colId)) continue;
        const entry = counts.get(colId) ?? { count: 0, locations: new Map<number, number>() };
        entry.count++;
        entry.locations.set(c, (entry.locations.get(c) ?? 0) + 1);
        counts.set(colId, entry);
      }
    }
    if (counts.size === 0) continue;
    const row: Record<string, unknown> = {};
    for (const [colId, e] of counts) {
      if (!withLocations) row[colId] = e.count;
      else {
        const locations: Record<string, unknown> = {};
        for (const [c, n] of e.locations)
          locations[p.connId(c)] = {
            pos: [f32(a.cx[c] ?? 0), f32(a.cy[c] ?? 0), f32(a.cz[c] ?? 0)],
            count: n,
          };
        row[colId] = { count: e.count, locations };
      }
    }
    out[rowId] = row;
  }
  return out;
}

export function manyToMany(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const skids1 = ctx.params.intList('skids1');
  const skids2 = new Set(ctx.params.intList('skids2') ?? []);
  const relName = ctx.params.get('relation');
  if (!skids1 || skids2.size === 0) throw valueError('Need skids1 and skids2');
  if (relName === 'gapjunction_with') return gapJunctionRows(p, skids1, skids2);
  const rel = RELATION[relName ?? ''];
  if (rel === undefined) throw valueError(`Unknown relation: ${relName}`);
  const pos = (i: number): number[] => [f32(a.x[i] ?? 0), f32(a.y[i] ?? 0), f32(a.z[i] ?? 0)];
  const rows: unknown[] = [];
  for (const skid of new Set(skids1)) {
    const s = p.skelById.get(skid);
    if (s === undefined) continue;
    eachPair(p, s, rel, (own, other) => {
      const os = p.skelOfNode[a.linkNode[other] ?? 0] ?? 0;
      const otherId = p.neuron(os).skeletonId;
      if (!skids2.has(otherId)) return;
      const c = p.linkConn[own] ?? 0;
      const n1 = a.linkNode[own] ?? 0;
      const n2 = a.linkNode[other] ?? 0;
      rows.push([
        p.connId(c),
        [f32(a.cx[c] ?? 0), f32(a.cy[c] ?? 0), f32(a.cz[c] ?? 0)],
        p.nodeId(n1),
        skid,
        a.linkConfidence[own],
        a.linkCreator[own],
        pos(n1),
        p.nodeId(n2),
        otherId,
        a.linkConfidence[other],
        a.linkCreator[other],
        pos(n2),
      ]);
    });
  }
  return rows;
}
