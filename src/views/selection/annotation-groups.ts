/**
 * "Colour by annotation": the meta-annotation hierarchy (annotations annotating annotations, as
 * query-targets with `types=annotation&with_annotations=true` returns it) and the grouping of
 * the selection under one meta-annotation. The groups are the meta-annotation's direct
 * sub-annotations (for "cell type": PN, KC, …); a neuron belongs to a group when it carries the
 * group's annotation or any annotation below it (uPN → PN). Pure, so it is unit-tested.
 */
import { NEUTRAL_COLOR } from '../../state/selection-schemes.ts';
import type { ColorLegendEntry } from '../../state/selection-store.ts';

export interface AnnotationEntity {
  id: number;
  name: string;
  /** The annotations of this annotation (its meta-annotations). */
  annotations: readonly { id: number }[];
}

export interface AnnotationHierarchy {
  names: ReadonlyMap<number, string>;
  idsByName: ReadonlyMap<string, number>;
  /** annotation id → ids of the annotations it annotates (its sub-annotations). */
  children: ReadonlyMap<number, readonly number[]>;
}

export interface MetaAnnotation {
  id: number;
  name: string;
  /** Direct sub-annotations. */
  groupCount: number;
}

export function buildHierarchy(entities: readonly AnnotationEntity[]): AnnotationHierarchy {
  const names = new Map<number, string>();
  const children = new Map<number, number[]>();
  for (const e of entities) {
    names.set(e.id, e.name);
    for (const parent of e.annotations) {
      const list = children.get(parent.id) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      children.set(parent.id, list);
    }
  }
  const idsByName = new Map([...names].map(([id, name]) => [name, id]));
  return { names, idsByName, children };
}

/** Annotations that annotate other annotations, by name. */
export function metaAnnotations(h: AnnotationHierarchy): MetaAnnotation[] {
  return [...h.children]
    .filter(([id]) => h.names.has(id))
    .map(([id, kids]) => ({ id, name: h.names.get(id) ?? `#${id}`, groupCount: kids.length }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function descendants(h: AnnotationHierarchy, root: number): Set<number> {
  const seen = new Set<number>([root]);
  const stack = [root];
  while (stack.length) {
    const id = stack.pop() as number;
    for (const child of h.children.get(id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      stack.push(child);
    }
  }
  return seen;
}

export interface Grouping {
  colors: Map<number, string>;
  legend: ColorLegendEntry[];
}

/**
 * Colour `skeletonIds` by the groups under `metaId`. Group colours follow the groups' name
 * order (`color(i)`), so a group keeps its colour whatever else is selected; a neuron in several
 * groups takes the first by name; neurons in none get the neutral colour. The legend lists the
 * groups present, with counts, and "no <meta>" last.
 */
export function groupByMetaAnnotation(
  h: AnnotationHierarchy,
  metaId: number,
  skeletonIds: readonly number[],
  annotationsOf: ReadonlyMap<number, readonly { id: number }[]>,
  color: (index: number) => string,
): Grouping {
  const groups = [...(h.children.get(metaId) ?? [])]
    .map((id) => ({ id, name: h.names.get(id) ?? `#${id}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const groupOf = new Map<number, number>();
  groups.forEach((g, index) => {
    for (const id of descendants(h, g.id)) if (!groupOf.has(id)) groupOf.set(id, index);
  });
  const counts = new Array<number>(groups.length).fill(0);
  const colors = new Map<number, string>();
  let ungrouped = 0;
  for (const skid of skeletonIds) {
    let best: number | undefined;
    for (const a of annotationsOf.get(skid) ?? []) {
      const g = groupOf.get(a.id);
      if (g !== undefined && (best === undefined || g < best)) best = g;
    }
    if (best === undefined) {
      ungrouped++;
      colors.set(skid, NEUTRAL_COLOR);
    } else {
      counts[best] = (counts[best] ?? 0) + 1;
      colors.set(skid, color(best));
    }
  }
  const legend: ColorLegendEntry[] = groups
    .map((g, i) => ({ label: g.name, color: color(i), count: counts[i] ?? 0 }))
    .filter((e) => e.count > 0);
  const metaName = h.names.get(metaId) ?? 'group';
  if (ungrouped > 0)
    legend.push({ label: `no ${metaName}`, color: NEUTRAL_COLOR, count: ungrouped });
  return { colors, legend };
}
