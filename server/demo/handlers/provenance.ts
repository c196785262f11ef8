/**
 * Where a skeleton's nodes came from (catmaid-api.md §4.4): `skeletons/change-history` (splits
 * and merges, from data/node-history.ts), `skeletons/origin` and `skeletons/import-info` (the
 * imports of data/origins.ts, counted alike by `num_imported_nodes` in `skeletons/summary`).
 */
import { valueError } from '../http/errors.ts';
import type { ProjectCtx } from '../http/types.ts';
import { changeHistoryRows } from '../data/node-history.ts';
import { dataSources, importedNodeRange, skeletonOrigin } from '../data/origins.ts';

/** GET only; no ids = every skeleton (as CATMAID), unknown ids are left out. */
export function changeHistory(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const ids = ctx.params.intList('skeleton_ids');
  const indexes =
    ids && ids.length > 0
      ? ids.flatMap((id) => {
          const s = p.skelById.get(id);
          return s === undefined ? [] : [s];
        })
      : Array.from({ length: p.nSkel }, (_, s) => s);
  return indexes.flatMap((s) => changeHistoryRows(p, s));
}

export function importInfo(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const ids = ctx.params.intList('skeleton_ids');
  if (!ids || ids.length === 0) throw valueError('No skeleton IDs provided');
  const withNodes = ctx.params.bool('with_treenodes');
  const out: Record<string, unknown> = {};
  for (const skid of ids) {
    const s = p.skelById.get(skid);
    if (s === undefined) continue;
    const [a, b] = importedNodeRange(p, s);
    const entry: Record<string, unknown> = { n_imported_treenodes: b - a };
    if (withNodes)
      entry.imported_treenodes =
        b > a ? Array.from({ length: b - a }, (_, k) => p.nodeId(a + k)) : null;
    out[skid] = entry;
  }
  return out;
}

/**
 * `{"data_sources": {id: {name, url, source_project_id}}, "origins": {skid: {source_id,
 * data_source_id}}}`: only skeletons with an origin are listed, and only their data sources.
 */
export function origin(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const ids = ctx.params.intList('skeleton_ids');
  if (!ids || ids.length === 0) throw valueError('Need at least one skeleton ID');
  const sources = new Map(dataSources(p).map((d) => [d.id, d]));
  const origins: Record<string, unknown> = {};
  const used: Record<string, unknown> = {};
  for (const skid of ids) {
    const s = p.skelById.get(skid);
    const o = s === undefined ? null : skeletonOrigin(p, s);
    if (!o) continue;
    origins[skid] = { source_id: o.sourceId, data_source_id: o.dataSourceId };
    const d = sources.get(o.dataSourceId);
    if (d) used[d.id] = { name: d.name, url: d.url, source_project_id: d.sourceProjectId };
  }
  return { data_sources: used, origins };
}
