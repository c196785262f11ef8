/** Skeleton compact-detail, single (GET) and batch (POST) (catmaid-api.md §4.1, §4.2). */
import { CatmaidError, DrfError, valueError } from '../http/errors.ts';
import { f32 } from '../http/float32.ts';
import { MsgpackWriter } from '../http/msgpack.ts';
import { arg, Raw, type ProjectCtx } from '../http/types.ts';
import type { Params } from '../http/params.ts';
import type { ProjectIndex } from '../data/project-index.ts';
import { pyStr } from '../time-format.ts';
import { historicNodes } from '../data/node-history.ts';

interface Flags {
  connectors: boolean;
  tags: boolean;
  history: boolean;
  reviews: boolean;
  annotations: boolean;
  userInfo: boolean;
}

function flags(q: Params): Flags {
  return {
    connectors: q.bool('with_connectors'),
    tags: q.bool('with_tags'),
    history: q.bool('with_history'),
    reviews: q.bool('with_reviews'),
    annotations: q.bool('with_annotations'),
    userInfo: q.bool('with_user_info'),
  };
}

function compactDetail(p: ProjectIndex, s: number, f: Flags): unknown[] {
  return [nodeRows(p, s, f), ...detailRest(p, s, f)];
}

function nodeRows(p: ProjectIndex, s: number, f: Flags): unknown[] {
  const a = p.a;
  const [from, to] = p.nodeRange(s);
  const nodes: unknown[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const par = a.parent[i] ?? 0;
    const row: unknown[] = [
      p.nodeId(i),
      par < 0 ? null : p.nodeId(par),
      a.creator[i],
      f32(a.x[i] ?? 0),
      f32(a.y[i] ?? 0),
      f32(a.z[i] ?? 0),
      a.radius[i],
      a.confidence[i],
    ];
    if (f.history) row.push(pyStr(a.edited[i] ?? 0), pyStr(a.created[i] ?? 0), 1);
    nodes[i - from] = row;
  }
  // Historic versions (ordering 2, valid over [t_a, t_b)) follow the live rows, as in CATMAID.
  if (f.history)
    for (const v of historicNodes(p, s))
      nodes.push([
        v.nodeId,
        v.parentId,
        v.user,
        f32(v.x),
        f32(v.y),
        f32(v.z),
        v.radius,
        v.confidence,
        pyStr(v.from),
        pyStr(v.to),
        2,
      ]);
  return nodes;
}

/**
 * The msgpack answer for one skeleton, node rows written straight into the buffer (no row
 * arrays, no float formatting): the bulk of a 3D view's load. Coordinates and radii go out as
 * float64, the type a real CATMAID sends (checked against the recorded msgpack answer), holding
 * the exact stored float4 value. Only without history: CATMAID cannot send datetimes as msgpack
 * (see `format`).
 */
function writeCompactDetail(w: MsgpackWriter, p: ProjectIndex, s: number, f: Flags): void {
  const a = p.a;
  const [from, to] = p.nodeRange(s);
  w.array(5);
  w.array(to - from);
  for (let i = from; i < to; i++) {
    const par = a.parent[i] ?? 0;
    w.array(8);
    w.int(p.nodeId(i));
    if (par < 0) w.value(null);
    else w.int(p.nodeId(par));
    w.value(a.creator[i]);
    w.float64(a.x[i] ?? 0);
    w.float64(a.y[i] ?? 0);
    w.float64(a.z[i] ?? 0);
    w.float64(a.radius[i] ?? -1);
    w.value(a.confidence[i]);
  }
  for (const part of detailRest(p, s, f)) w.value(part);
}

/** connectors, tags, reviews, annotations */
function detailRest(p: ProjectIndex, s: number, f: Flags): unknown[] {
  const a = p.a;
  const [from, to] = p.nodeRange(s);
  const connectors: unknown[] = [];
  if (f.connectors) {
    for (const l of p.links(s)) {
      const c = p.linkConn[l] ?? 0;
      const row: unknown[] = [
        p.nodeId(a.linkNode[l] ?? 0),
        p.connId(c),
        a.linkRelation[l],
        f32(a.cx[c] ?? 0),
        f32(a.cy[c] ?? 0),
        f32(a.cz[c] ?? 0),
      ];
      if (f.history) row.push(pyStr(a.linkCreated[l] ?? 0), pyStr(a.linkCreated[l] ?? 0));
      if (f.userInfo) row.push(a.linkCreator[l]);
      connectors.push(row);
    }
  }
  const tags: Record<string, unknown[]> = {};
  if (f.tags) {
    const [t0, t1] = p.tagRange(from, to);
    for (let t = t0; t < t1; t++) {
      const name = p.meta.labels[a.tagLabel[t] ?? 0]?.name ?? '';
      const id = p.nodeId(a.tagNode[t] ?? 0);
      let entry: unknown = id;
      if (f.history && f.userInfo) entry = [id, pyStr(a.tagTime[t] ?? 0), a.tagCreator[t]];
      else if (f.history) entry = [id, pyStr(a.tagTime[t] ?? 0)];
      else if (f.userInfo) entry = [id, a.tagCreator[t]];
      (tags[name] ??= []).push(entry);
    }
  }
  const reviews: unknown[] = [];
  if (f.reviews) {
    const [r0, r1] = p.reviewRange(from, to);
    for (let r = r0; r < r1; r++) {
      const row: unknown[] = [p.nodeId(a.reviewNode[r] ?? 0), p.meta.reviewBase + r, a.reviewer[r]];
      if (f.history) row.push(pyStr(a.reviewTime[r] ?? 0));
      reviews.push(row);
    }
  }
  const annotations: unknown[] = [];
  if (f.annotations) {
    const n = p.neuron(s);
    for (const l of p.annotationsOf.get(n.neuronId) ?? []) {
      const row: unknown[] = [l.annotation];
      if (f.history) row.push(pyStr(l.time));
      // CATMAID reports the skeleton's model_of link user here, not the annotator (server quirk).
      if (f.userInfo) row.push(n.user);
      annotations.push(row);
    }
  }
  return [connectors, tags, reviews, annotations];
}

function format(q: Params, f: Flags): 'json' | 'msgpack' {
  const fmt = q.get('format') ?? 'json';
  if (fmt !== 'json' && fmt !== 'msgpack') throw valueError(`Unknown format: ${fmt}`);
  if (fmt === 'msgpack' && f.history)
    throw new CatmaidError(500, 'TypeError', "can not serialize 'datetime.datetime' object");
  return fmt;
}

export function compactDetailOne(ctx: ProjectCtx): unknown {
  const f = flags(ctx.params);
  const fmt = format(ctx.params, f);
  const s = ctx.project.skelById.get(arg(ctx, 0));
  if (s === undefined) throw new DrfError(404, 'Not found.');
  if (fmt === 'json') return compactDetail(ctx.project, s, f);
  const w = new MsgpackWriter();
  writeCompactDetail(w, ctx.project, s, f);
  return new Raw(w.result(), 'application/octet-stream');
}

export function compactDetailBatch(ctx: ProjectCtx): unknown {
  const f = flags(ctx.params);
  const fmt = format(ctx.params, f);
  const ids = ctx.params.intList('skeleton_ids');
  if (!ids || ids.length === 0) throw valueError('No skeleton IDs provided');
  const indexes = ids.map((id) => {
    const s = ctx.project.skelById.get(id);
    if (s === undefined) throw new DrfError(404, 'Not found.');
    return [id, s] as const;
  });
  if (fmt === 'msgpack') {
    // {"skeletons": {id: detail, …}}; a repeated id is sent once, as a dict would.
    const unique = new Map(indexes);
    const w = new MsgpackWriter();
    w.map(1);
    w.value('skeletons');
    w.map(unique.size);
    for (const [id, s] of unique) {
      w.int(id);
      writeCompactDetail(w, ctx.project, s, f);
    }
    return new Raw(w.result(), 'application/octet-stream');
  }
  const skeletons: Record<string, unknown> = {};
  for (const [id, s] of indexes) skeletons[id] = compactDetail(ctx.project, s, f);
  return { skeletons };
}
