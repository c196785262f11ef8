/** Skeleton lists and per-skeleton facts (catmaid-api.md §3.3 `skeletons/`, §4.4). */
import { doesNotExist, valueError } from '../http/errors.ts';
import { f32 } from '../http/float32.ts';
import { arg, type ProjectCtx } from '../http/types.ts';
import type { ProjectIndex } from '../data/project-index.ts';
import { postgresJson } from '../time-format.ts';
import { TIME_END } from '../data/timeline.ts';
import { importedNodeCount } from '../data/origins.ts';

function day(value: string | undefined, end: boolean): number | null {
  if (value === undefined) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) throw valueError(`time data '${value}' does not match format '%Y%m%d'`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 1000 + (end ? 86_400 : 0);
}

export function skeletonList(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const q = ctx.params;
  const createdBy = q.int('created_by');
  const reviewedBy = q.int('reviewed_by');
  if (createdBy !== undefined && reviewedBy !== undefined)
    throw valueError('Can not filter by creator and reviewer at the same time');
  const from = day(q.get('from'), false) ?? 0;
  const to = day(q.get('to'), true) ?? Number.MAX_SAFE_INTEGER;
  const minNodes = q.int('nodecount_gt');
  const out: number[] = [];
  for (let s = 0; s < p.nSkel; s++) {
    const [n0, n1] = p.nodeRange(s);
    if (minNodes !== undefined && n1 - n0 <= minNodes) continue;
    if (createdBy !== undefined) {
      let hit = false;
      for (let i = n0; i < n1 && !hit; i++)
        hit = a.creator[i] === createdBy && (a.created[i] ?? 0) >= from && (a.created[i] ?? 0) < to;
      if (!hit) continue;
    }
    if (reviewedBy !== undefined) {
      const [r0, r1] = p.reviewRange(n0, n1);
      let hit = false;
      for (let r = r0; r < r1 && !hit; r++)
        hit =
          a.reviewer[r] === reviewedBy &&
          (a.reviewTime[r] ?? 0) >= from &&
          (a.reviewTime[r] ?? 0) < to;
      if (!hit) continue;
    }
    out.push(p.neuron(s).skeletonId);
  }
  return out;
}

function reviewedNodes(p: ProjectIndex, s: number, users: number[] | null): number {
  const [n0, n1] = p.nodeRange(s);
  const [r0, r1] = p.reviewRange(n0, n1);
  let count = 0;
  let last = -1;
  for (let r = r0; r < r1; r++) {
    if (users && !users.includes(p.a.reviewer[r] ?? 0)) continue;
    if (p.a.reviewNode[r] !== last) count++;
    last = p.a.reviewNode[r] ?? 0;
  }
  return count;
}

export function reviewStatus(ctx: ProjectCtx): unknown {
  const ids = ctx.params.indexedInts('skeleton_ids');
  if (ids.length === 0) throw valueError('Need at least one skeleton ID');
  const users = ctx.params.indexedInts('user_ids');
  const out: Record<string, [number, number]> = {};
  for (const skid of ids) {
    const s = ctx.project.skelById.get(skid);
    if (s === undefined) continue;
    const [n0, n1] = ctx.project.nodeRange(s);
    out[skid] = [n1 - n0, reviewedNodes(ctx.project, s, users.length > 0 ? users : null)];
  }
  return out;
}

function skeletonIds(ctx: ProjectCtx): number[] {
  const ids = ctx.params.intList('skeleton_ids');
  if (!ids || ids.length === 0) throw valueError('No skeleton IDs provided');
  return ids;
}

export function cableLengths(ctx: ProjectCtx): unknown {
  const out: Record<string, number> = {};
  for (const skid of skeletonIds(ctx)) {
    const s = ctx.project.skelById.get(skid);
    if (s !== undefined) out[skid] = ctx.project.cable[s] ?? 0;
  }
  return out;
}

function one(ctx: ProjectCtx): number {
  const s = ctx.project.skelById.get(arg(ctx, 0));
  if (s === undefined) throw doesNotExist('ClassInstance');
  return s;
}

export function cableLength(ctx: ProjectCtx): unknown {
  return { cable_length: ctx.project.cable[one(ctx)], skeleton_id: arg(ctx, 0) };
}

export function summaries(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const out: Record<string, unknown> = {};
  for (const skid of skeletonIds(ctx)) {
    const s = p.skelById.get(skid);
    if (s === undefined) continue;
    const [n0, n1] = p.nodeRange(s);
    out[skid] = {
      skeleton_id: skid,
      last_summary_update: postgresJson(TIME_END + 86_400),
      original_creation_time: postgresJson(p.a.created[n0] ?? 0),
      last_edition_time: postgresJson(p.lastEdit[s] ?? 0),
      num_nodes: n1 - n0,
      cable_length: p.cable[s],
      last_editor_id: p.lastEditor[s],
      num_imported_nodes: importedNodeCount(p, s),
    };
  }
  return out;
}

export function root(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const [n0] = p.nodeRange(one(ctx));
  return {
    root_id: p.nodeId(n0),
    x: f32(p.a.x[n0] ?? 0),
    y: f32(p.a.y[n0] ?? 0),
    z: f32(p.a.z[n0] ?? 0),
  };
}

export function nodeCount(ctx: ProjectCtx): unknown {
  const [n0, n1] = ctx.project.nodeRange(one(ctx));
  return { count: n1 - n0, skeleton_id: arg(ctx, 0) };
}

export function statistics(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const s = one(ctx);
  const [n0, n1] = p.nodeRange(s);
  const inputs = new Set<number>();
  const outputs = new Set<number>();
  let pre = 0;
  let post = 0;
  for (const l of p.links(s)) {
    const c = p.linkConn[l] ?? 0;
    const mine = a.linkRelation[l];
    if (mine === 0) pre++;
    else post++;
    for (let k = a.connLinkStart[c] ?? 0; k < (a.connLinkStart[c + 1] ?? 0); k++) {
      if (a.linkRelation[k] === mine) continue;
      (mine === 0 ? outputs : inputs).add(p.skelOfNode[a.linkNode[k] ?? 0] ?? 0);
    }
  }
  const times = Array.from(a.created.subarray(n0, n1)).sort((x, y) => x - y);
  let seconds = 0;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] ?? 0) - (times[i - 1] ?? 0);
    if (gap < 180) seconds += gap;
  }
  return {
    node_count: n1 - n0,
    input_count: inputs.size,
    output_count: outputs.size,
    presynaptic_sites: pre,
    postsynaptic_sites: post,
    cable_length: Math.floor(p.cable[s] ?? 0),
    measure_construction_time: `${Math.floor(seconds / 60)} minutes ${seconds % 60} seconds`,
    // The real server's percentage is broken ("0.00" even for reviewed skeletons); kept as is.
    percentage_reviewed: '0.00',
  };
}
