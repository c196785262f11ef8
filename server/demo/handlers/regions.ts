/**
 * Spatial queries (catmaid-api.md §3.3, §5.4, §8): skeletons and connectors in a bounding box,
 * which volumes' boxes skeletons innervate, and the volume bounding-box point test. Like CATMAID
 * these are bounding-box tests (PostGIS `&&&` on treenode edges), never exact mesh tests.
 */
import { DrfError, valueError } from '../http/errors.ts';
import { f32 } from '../http/float32.ts';
import { arg, type ProjectCtx } from '../http/types.ts';
import { djangoJson } from '../time-format.ts';
import { volumeMeshById } from './volumes.ts';

type Box = { min: [number, number, number]; max: [number, number, number] };

/** Segment a–b's bounding box overlaps the box (what `&&&` on the edge geometry tests). */
function segmentTouches(
  b: Box,
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
): boolean {
  return (
    Math.max(ax, bx) >= b.min[0] &&
    Math.min(ax, bx) <= b.max[0] &&
    Math.max(ay, by) >= b.min[1] &&
    Math.min(ay, by) <= b.max[1] &&
    Math.max(az, bz) >= b.min[2] &&
    Math.min(az, bz) <= b.max[2]
  );
}

function boxParam(ctx: ProjectCtx): Box {
  const q = ctx.params;
  const volumeId = q.int('volume_id');
  if (volumeId !== undefined) {
    const m = volumeMeshById(ctx, volumeId);
    if (!m) throw new DrfError(404, 'Not found.');
    return { min: m.min, max: m.max };
  }
  const num = (k: string): number => {
    const v = q.get(k);
    const n = v === undefined ? Number.NaN : Number(v);
    if (!Number.isFinite(n)) throw valueError(`Need ${k}`);
    return n;
  };
  return {
    min: [num('minx'), num('miny'), num('minz')],
    max: [num('maxx'), num('maxy'), num('maxz')],
  };
}

/** Skeleton indexes of the project touching the box, with the min_nodes / min_cable filters. */
function skeletonsTouching(ctx: ProjectCtx, box: Box, only: Set<number> | null): number[] {
  const p = ctx.project;
  const a = p.a;
  const minNodes = ctx.params.int('min_nodes') ?? 0;
  const minCable = Number(ctx.params.get('min_cable') ?? 0) || 0;
  const out: number[] = [];
  for (let s = 0; s < p.nSkel; s++) {
    if (only && !only.has(p.neuron(s).skeletonId)) continue;
    const [n0, n1] = p.nodeRange(s);
    if (n1 - n0 < minNodes || (p.cable[s] ?? 0) < minCable) continue;
    for (let i = n0; i < n1; i++) {
      const j = a.parent[i] ?? -1;
      if (j < 0) continue;
      const hit = segmentTouches(
        box,
        a.x[i] ?? 0,
        a.y[i] ?? 0,
        a.z[i] ?? 0,
        a.x[j] ?? 0,
        a.y[j] ?? 0,
        a.z[j] ?? 0,
      );
      if (hit) {
        out.push(s);
        break;
      }
    }
  }
  return out;
}

export function skeletonsInBoundingBox(ctx: ProjectCtx): unknown {
  const only = ctx.params.intList('skeleton_ids');
  return skeletonsTouching(ctx, boxParam(ctx), only ? new Set(only) : null).map(
    (s) => ctx.project.neuron(s).skeletonId,
  );
}

export function skeletonInnervations(ctx: ProjectCtx): unknown {
  const skids = ctx.params.intList('skeleton_ids');
  if (!skids || skids.length === 0) throw valueError('Need skeleton IDs');
  const only = new Set(skids);
  const byVolume = new Map<number, number[]>();
  for (const v of ctx.project.meta.volumes) {
    const m = volumeMeshById(ctx, v.id);
    if (!m) continue;
    for (const s of skeletonsTouching(ctx, { min: m.min, max: m.max }, only)) {
      const skid = ctx.project.neuron(s).skeletonId;
      byVolume.set(skid, [...(byVolume.get(skid) ?? []), v.id]);
    }
  }
  return [...byVolume.entries()].map(([skeleton_id, volume_ids]) => ({ skeleton_id, volume_ids }));
}

export function volumeIntersect(ctx: ProjectCtx): unknown {
  const m = volumeMeshById(ctx, arg(ctx, 0));
  if (!m) throw new DrfError(404, 'Not found.');
  const p = ['x', 'y', 'z'].map((k) => Number(ctx.params.get(k)));
  if (p.some((v) => !Number.isFinite(v))) throw valueError('Need x, y and z');
  const inside = p.every((v, k) => v >= (m.min[k] ?? 0) && v <= (m.max[k] ?? 0));
  return { intersects: inside };
}

/**
 * Rows per link (8 columns with `with_links`, 11 with locations too), or one row per connector
 * (`[cid]`, `[cid, x, y, z]`). A connector is in when it lies in the box or one of its
 * treenode→connector segments touches it (so connectors outside the box can come back, as on
 * CATMAID). `limit` is not implemented here on purpose: the real 2021.12 server answers 500.
 */
export function connectorsInBoundingBox(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const box = boxParam(ctx);
  const withLocations = ctx.params.bool('with_locations');
  const withLinks = ctx.params.bool('with_links');
  const skids = ctx.params.intList('skeleton_ids');
  const only = skids ? new Set(skids) : null;
  const relationId = (r: number) =>
    r === 0 ? p.meta.relationIds.presynaptic_to : p.meta.relationIds.postsynaptic_to;
  const rows: unknown[] = [];
  for (let c = 0; c < p.nConn; c++) {
    const cx = a.cx[c] ?? 0;
    const cy = a.cy[c] ?? 0;
    const cz = a.cz[c] ?? 0;
    const l0 = a.connLinkStart[c] ?? 0;
    const l1 = a.connLinkStart[c + 1] ?? 0;
    const linkOk = (k: number) =>
      !only || only.has(p.neuron(p.skelOfNode[a.linkNode[k] ?? 0] ?? 0).skeletonId);
    let hit = segmentTouches(box, cx, cy, cz, cx, cy, cz);
    for (let k = l0; k < l1 && !hit; k++) {
      const n = a.linkNode[k] ?? 0;
      hit = segmentTouches(box, a.x[n] ?? 0, a.y[n] ?? 0, a.z[n] ?? 0, cx, cy, cz);
    }
    if (!hit) continue;
    let any = false;
    for (let k = l0; k < l1; k++) any ||= linkOk(k);
    if (only && !any) continue;
    const loc = withLocations ? [f32(cx), f32(cy), f32(cz)] : [];
    if (!withLinks) {
      rows.push([p.connId(c), ...loc]);
      continue;
    }
    for (let k = l0; k < l1; k++) {
      if (!linkOk(k)) continue;
      const n = a.linkNode[k] ?? 0;
      rows.push([
        p.connId(c),
        ...loc,
        p.neuron(p.skelOfNode[n] ?? 0).skeletonId,
        a.linkConfidence[k],
        a.linkCreator[k],
        p.nodeId(n),
        djangoJson(a.linkCreated[k] ?? 0),
        djangoJson(a.linkCreated[k] ?? 0),
        relationId(a.linkRelation[k] ?? 0),
      ]);
    }
  }
  return rows;
}
