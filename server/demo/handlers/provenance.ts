/**
 * Where a skeleton's nodes came from (catmaid-api.md §4.4): `skeletons/change-history` (splits
 * and merges, from data/node-history.ts) and `skeletons/import-info` (the demo imports nothing,
 * matching `num_imported_nodes: 0` in `skeletons/summary`).
 */
import { valueError } from '../http/errors.ts';
import type { ProjectCtx } from '../http/types.ts';
import { changeHistoryRows } from '../data/node-history.ts';

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
    if (!p.skelById.has(skid)) continue;
    const entry: Record<string, unknown> = { n_imported_treenodes: 0 };
    if (withNodes) entry.imported_treenodes = null;
    out[skid] = entry;
  }
  return out;
}
