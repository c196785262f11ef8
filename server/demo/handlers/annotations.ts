/** Annotation listings and per-skeleton annotations / names (catmaid-api.md §3.2, §3.3). */
import { CatmaidError, valueError } from '../http/errors.ts';
import { arg, type ProjectCtx } from '../http/types.ts';
import type { ProjectIndex } from '../data/project-index.ts';
import type { AnnotationLink } from '../data/types.ts';
import { djangoJson } from '../time-format.ts';

function listing(p: ProjectIndex, links: AnnotationLink[], onlyIds: Set<number> | null): unknown {
  const users = new Map<number, Set<number>>();
  for (const l of links) {
    if (onlyIds && !onlyIds.has(l.annotation)) continue;
    const set = users.get(l.annotation) ?? new Set<number>();
    set.add(l.user);
    users.set(l.annotation, set);
  }
  const annotations = p.meta.annotations
    .filter((a) => users.has(a.id))
    .map((a) => ({
      name: a.name,
      id: a.id,
      users: [...(users.get(a.id) ?? [])]
        .sort((x, y) => x - y)
        .map((u) => ({ id: u, name: p.login(u) })),
    }));
  return { annotations };
}

export function annotationsGet(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  if (ctx.params.bool('simple'))
    return {
      annotations: p.meta.annotations
        .filter((a) => p.annotated.has(a.id))
        .map((a) => ({ id: a.id, name: a.name })),
    };
  return listing(p, p.meta.annotationLinks, null);
}

/** POST filters: `annotations[i]` = annotations OF entity i; `annotates[i]` = sub-annotations. */
export function annotationsPost(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  let links = p.meta.annotationLinks;
  const of = ctx.params.indexedInts('annotations');
  const annotates = ctx.params.indexedInts('annotates');
  const userId = ctx.params.int('user_id');
  const neuronId = ctx.params.int('neuron_id');
  const skeletonId = ctx.params.int('skeleton_id');
  if (of.length > 0) links = links.filter((l) => of.includes(l.entity));
  if (annotates.length > 0) {
    const subs = new Set(
      p.meta.annotationLinks.filter((l) => annotates.includes(l.annotation)).map((l) => l.entity),
    );
    links = links.filter((l) => subs.has(l.annotation));
  }
  if (userId !== undefined) links = links.filter((l) => l.user === userId);
  if (neuronId !== undefined) links = links.filter((l) => l.entity === neuronId);
  if (skeletonId !== undefined) {
    const s = p.skelById.get(skeletonId);
    const nid = s === undefined ? -1 : p.neuron(s).neuronId;
    links = links.filter((l) => l.entity === nid);
  }
  return listing(p, links, null);
}

function requireSkeletons(ids: number[] | null): number[] {
  if (!ids || ids.length === 0)
    throw new CatmaidError(500, 'ProgrammingError', 'syntax error at or near ")"');
  return ids;
}

export function forSkeletons(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const skeletons: Record<string, { id: number; uid: number }[]> = {};
  const names: Record<string, string> = {};
  for (const skid of requireSkeletons(ctx.params.intList('skeleton_ids'))) {
    const s = p.skelById.get(skid);
    if (s === undefined) continue;
    const links = p.annotationsOf.get(p.neuron(s).neuronId) ?? [];
    skeletons[skid] = links.map((l) => ({ id: l.annotation, uid: l.user }));
    for (const l of links) names[l.annotation] = p.annotationName.get(l.annotation) ?? '';
  }
  return { skeletons, annotations: names };
}

function flag01(ctx: ProjectCtx, name: string, fallback: number): boolean {
  const v = ctx.params.get(name);
  if (v === undefined) return fallback === 1;
  if (v !== '0' && v !== '1') throw valueError(`invalid literal for int() with base 10: '${v}'`);
  return v === '1';
}

export function annotationList(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const ids = ctx.params.indexedInts('skeleton_ids');
  if (ids.length === 0) throw valueError('No skeleton IDs provided');
  const withNames = flag01(ctx, 'annotations', 1);
  const withMeta = flag01(ctx, 'metaannotations', 0);
  const withNeuronNames = flag01(ctx, 'neuronnames', 0);
  const skeletons: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  const neuronnames: Record<string, string> = {};
  let found = 0;
  for (const skid of ids) {
    const s = p.skelById.get(skid);
    if (s === undefined) continue;
    found++;
    const n = p.neuron(s);
    neuronnames[skid] = n.name;
    const links = p.annotationsOf.get(n.neuronId) ?? [];
    if (links.length > 0)
      skeletons[skid] = { annotations: links.map((l) => ({ uid: l.user, id: l.annotation })) };
    for (const l of links) names[l.annotation] = p.annotationName.get(l.annotation) ?? '';
  }
  if (found === 0) throw new CatmaidError(404, 'Http404', 'No skeleton or neuron found');
  const out: Record<string, unknown> = { skeletons };
  if (withNames) out.annotations = names;
  if (withNeuronNames) out.neuronnames = neuronnames;
  if (withMeta) {
    const meta: Record<string, unknown> = {};
    for (const id of Object.keys(names).map(Number))
      meta[id] = {
        annotations: (p.annotationsOf.get(id) ?? []).map((l) => ({
          uid: l.user,
          id: l.annotation,
        })),
      };
    out.metaannotations = meta;
  }
  return out;
}

export function neuronNames(ctx: ProjectCtx): unknown {
  const ids = ctx.params.intList('skids');
  if (!ids) throw new CatmaidError(500, 'TypeError', "'NoneType' object is not iterable");
  const out: Record<string, string> = {};
  for (const skid of ids) {
    const s = ctx.project.skelById.get(skid);
    if (s !== undefined) out[skid] = ctx.project.neuron(s).name;
  }
  return out;
}

export function neuronName(ctx: ProjectCtx): unknown {
  const s = ctx.project.skelById.get(arg(ctx, 0));
  if (s === undefined) throw valueError(`Skeleton ${arg(ctx, 0)} not found`);
  const n = ctx.project.neuron(s);
  return { neuronname: n.name, neuronid: n.neuronId };
}

export function neuronDetails(ctx: ProjectCtx): unknown {
  const s = ctx.project.skelById.get(arg(ctx, 0));
  if (s === undefined) throw new CatmaidError(404, 'Http404', 'No neuron found for skeleton');
  const n = ctx.project.neuron(s);
  return {
    neuron_id: n.neuronId,
    project_id: ctx.project.meta.id,
    name: n.name,
    user_id: n.user,
    creation_time: djangoJson(n.created),
  };
}
