/** POST /{pid}/annotations/query-targets — the neuron search (catmaid-api.md §3.1). */
import { CatmaidError, valueError } from '../http/errors.ts';
import { pyInt, type Params } from '../http/params.ts';
import type { ProjectCtx } from '../http/types.ts';
import type { ProjectIndex } from '../data/project-index.ts';
import type { AnnotationLink } from '../data/types.ts';
import { djangoJson } from '../time-format.ts';

interface Entity {
  id: number;
  name: string;
  type: 'neuron' | 'annotation';
  skid: number | null;
  created: number;
  edited: number;
}

/** Every distinct key starting with `prefix` is one term (last value wins per key). */
function terms(params: Params, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of params.pairs) if (k.startsWith(prefix)) out.set(k, v);
  return out;
}

function resolveIds(
  p: ProjectIndex,
  value: string,
  byName: boolean,
  ignoreMissing: boolean,
): number[] {
  return value.split(',').flatMap((part) => {
    if (!byName) return [pyInt(part)];
    const id = p.annotationByName.get(part);
    if (id === undefined) {
      if (ignoreMissing) return [];
      throw valueError(`Unknown annotation: ${part}`);
    }
    return [id];
  });
}

function parseDay(value: string | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw valueError(`Invalid date: ${value}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 1000;
}

function allEntities(p: ProjectIndex): Entity[] {
  const out: Entity[] = p.meta.neurons.map((n, s) => ({
    id: n.neuronId,
    name: n.name,
    type: 'neuron' as const,
    skid: n.skeletonId,
    created: n.created,
    edited: Math.max(
      n.created,
      ...(p.annotationsOf.get(n.neuronId) ?? []).map((l) => l.time),
      p.lastEdit[s] ?? 0,
    ),
  }));
  for (const a of p.meta.annotations) {
    const times = (p.annotated.get(a.id) ?? []).map((l) => l.time);
    const first = times.length > 0 ? Math.min(...times) : 0;
    out.push({
      id: a.id,
      name: a.name,
      type: 'annotation',
      skid: null,
      created: first,
      edited: first,
    });
  }
  return out.sort((x, y) => x.id - y.id);
}

function nameMatcher(params: Params): ((name: string) => boolean) | null {
  const name = params.get('name');
  if (name === undefined || name === '') return null;
  const caseSensitive = params.bool('name_case_sensitive');
  const negate = params.bool('name_not');
  let test: (s: string) => boolean;
  if (name.startsWith('/')) {
    let re: RegExp;
    try {
      re = new RegExp(name.slice(1), caseSensitive ? '' : 'i');
    } catch (e) {
      throw new CatmaidError(
        400,
        'DataError',
        `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    test = (s) => re.test(s);
  } else if (params.bool('name_exact')) {
    test = caseSensitive ? (s) => s === name : (s) => s.toLowerCase() === name.toLowerCase();
  } else {
    test = caseSensitive
      ? (s) => s.includes(name)
      : (s) => s.toLowerCase().includes(name.toLowerCase());
  }
  return negate ? (s) => !test(s) : test;
}

export function queryTargets(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const q = ctx.params;
  const byName = (q.get('annotation_reference') ?? 'id') === 'name';
  const ignoreMissing = q.bool('ignore_nonexisting');
  const withSets = [...terms(q, 'annotated_with').values()];
  const notSets = [...terms(q, 'not_annotated_with').values()];
  const subValues = new Set(terms(q, 'sub_annotated_with').values());
  const expand = (value: string): Set<number> => {
    const ids = resolveIds(p, value, byName, ignoreMissing);
    if (!subValues.has(value)) return new Set(ids);
    const out = new Set<number>();
    for (const id of ids) for (const sub of p.subAnnotations(id)) out.add(sub);
    return out;
  };
  const required = withSets.map(expand);
  const excluded = notSets.map(expand);
  const users = q.getAll('annotated_by').map(pyInt);
  const dateStart = parseDay(q.get('annotation_date_start'));
  const dateEnd = parseDay(q.get('annotation_date_end'));
  const linkOk = (l: AnnotationLink): boolean =>
    (users.length === 0 || users.includes(l.user)) &&
    (dateStart === null || l.time >= dateStart) &&
    (dateEnd === null || l.time <= dateEnd);
  const types = q.list('types') ?? ['neuron', 'annotation'];
  for (const t of types)
    if (!['neuron', 'annotation', 'skeleton', 'volume'].includes(t))
      throw new CatmaidError(500, 'KeyError', `'${t}'`);
  const matchName = nameMatcher(q);
  const withTimestamps = q.bool('with_timestamps');
  const sortBy = q.get('sort_by') ?? 'id';
  if (!['id', 'name', 'annotated_on', 'last_annotation_link_edit'].includes(sortBy))
    throw valueError(`Unknown sort_by: ${sortBy}`);
  if ((sortBy === 'annotated_on' || sortBy === 'last_annotation_link_edit') && !withTimestamps)
    throw valueError('Set <with_timestamps> parameter to true');
  let hits = allEntities(p).filter((e) => {
    if (!types.includes(e.type)) return false;
    if (matchName && !matchName(e.name)) return false;
    const links = p.annotationsOf.get(e.id) ?? [];
    if (!required.every((set) => links.some((l) => set.has(l.annotation) && linkOk(l))))
      return false;
    return excluded.every((set) => !links.some((l) => set.has(l.annotation)));
  });
  const lastLink = (e: Entity): number =>
    Math.max(0, ...(p.annotationsOf.get(e.id) ?? []).map((l) => l.time));
  if (sortBy === 'name') hits.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  else if (sortBy !== 'id') hits.sort((x, y) => lastLink(x) - lastLink(y));
  if (q.get('sort_dir')?.toLowerCase() === 'desc') hits.reverse();
  const total = hits.length;
  const rangeStart = q.int('range_start');
  const rangeLength = q.int('range_length');
  if (rangeStart !== undefined && rangeLength !== undefined)
    hits = hits.slice(rangeStart, rangeStart + rangeLength);
  const withName = q.bool('with_name', true);
  const withType = q.bool('with_type', true);
  const withAnnotations = q.bool('with_annotations');
  const entities = hits.map((e) => {
    const out: Record<string, unknown> = { id: e.id };
    if (withName) out.name = e.name;
    if (withType) out.type = e.type;
    if (withTimestamps) {
      out.creation_time = djangoJson(e.created);
      out.edition_time = djangoJson(e.edited);
    }
    if (e.type === 'neuron') out.skeleton_ids = [e.skid];
    if (withAnnotations) {
      out.annotations = (p.annotationsOf.get(e.id) ?? []).map((l) => {
        const a: Record<string, unknown> = {
          id: l.annotation,
          name: p.annotationName.get(l.annotation) ?? '',
          uid: l.user,
        };
        if (withTimestamps) {
          a.creation_time = djangoJson(l.time);
          a.edition_time = djangoJson(l.time);
        }
        return a;
      });
    }
    return out;
  });
  return { entities, totalRecords: total };
}
