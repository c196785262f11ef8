/** Tags (labels) and single-node endpoints (catmaid-api.md §7). */
import { valueError } from '../http/errors.ts';
import { f32 } from '../http/float32.ts';
import { pyInt } from '../http/params.ts';
import { arg, type ProjectCtx } from '../http/types.ts';
import type { ProjectIndex } from '../data/project-index.ts';
import { isoOffset } from '../time-format.ts';

function tagsOf(p: ProjectIndex, i: number): string[] {
  const [t0, t1] = p.tagRange(i, i + 1);
  const out: string[] = [];
  for (let t = t0; t < t1; t++) out.push(p.meta.labels[p.a.tagLabel[t] ?? 0]?.name ?? '');
  return out;
}

export function labels(ctx: ProjectCtx): unknown {
  const used = new Set<number>(ctx.project.a.tagLabel);
  return ctx.project.meta.labels.filter((_, k) => used.has(k)).map((l) => l.name);
}

export function labelStats(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const rows: unknown[] = [];
  for (let t = 0; t < a.tagNode.length; t++) {
    const label = p.meta.labels[a.tagLabel[t] ?? 0];
    const node = a.tagNode[t] ?? 0;
    rows.push([
      label?.id ?? 0,
      label?.name ?? '',
      p.neuron(p.skelOfNode[node] ?? 0).skeletonId,
      p.nodeId(node),
    ]);
  }
  return rows;
}

export function treenodeLabels(ctx: ProjectCtx): unknown {
  const i = ctx.project.nodeIndex(arg(ctx, 0));
  return i < 0 ? [] : tagsOf(ctx.project, i);
}

export function labelsForNodes(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const out: Record<string, string[]> = {};
  const ids = (name: string): number[] =>
    (ctx.params.get(name) ?? '')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map(pyInt);
  for (const id of ids('treenode_ids')) {
    const i = p.nodeIndex(id);
    if (i < 0) continue;
    const tags = tagsOf(p, i);
    if (tags.length > 0) out[id] = tags;
  }
  // Demo connectors have no tags, so connector_ids never add entries.
  return out;
}

export function nodeUserInfo(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const ids = ctx.params.intList('node_ids');
  if (!ids || ids.length === 0) throw valueError('Need at least one node ID');
  const out: Record<string, unknown> = {};
  for (const id of ids) {
    const i = p.nodeIndex(id);
    if (i >= 0) {
      const [r0, r1] = p.reviewRange(i, i + 1);
      const reviewers: number[] = [];
      const times: string[] = [];
      for (let r = r0; r < r1; r++) {
        reviewers.push(a.reviewer[r] ?? 0);
        times.push(isoOffset(a.reviewTime[r] ?? 0));
      }
      out[id] = {
        user: a.creator[i],
        editor: a.editor[i],
        creation_time: isoOffset(a.created[i] ?? 0),
        edition_time: isoOffset(a.edited[i] ?? 0),
        reviewers,
        review_times: times,
      };
      continue;
    }
    const c = p.connIndex(id);
    if (c >= 0) {
      const t = isoOffset(a.connCreated[c] ?? 0);
      out[id] = {
        user: a.connCreator[c],
        editor: a.connCreator[c],
        creation_time: t,
        edition_time: t,
        reviewers: [],
        review_times: [],
      };
    }
  }
  return out;
}

function node(ctx: ProjectCtx): number {
  const i = ctx.project.nodeIndex(arg(ctx, 0));
  if (i < 0) throw valueError(`No skeleton and neuron for treenode ${arg(ctx, 0)}`);
  return i;
}

export function treenodeInfo(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const n = p.neuron(p.skelOfNode[node(ctx)] ?? 0);
  return {
    skeleton_id: n.skeletonId,
    skeleton_name: `skeleton ${n.skeletonId}`,
    neuron_id: n.neuronId,
    neuron_name: n.name,
  };
}

export function treenodeCompactDetail(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const i = node(ctx);
  const par = a.parent[i] ?? 0;
  return [
    p.nodeId(i),
    par < 0 ? null : p.nodeId(par),
    f32(a.x[i] ?? 0),
    f32(a.y[i] ?? 0),
    f32(a.z[i] ?? 0),
    a.confidence[i],
    a.radius[i],
    p.neuron(p.skelOfNode[i] ?? 0).skeletonId,
    a.edited[i],
    a.editor[i],
  ];
}
