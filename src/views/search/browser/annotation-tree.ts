/**
 * The meta-annotation hierarchy as a tree: an annotation annotated with another is its child.
 * Roots are meta-annotations that nothing annotates. CATMAID does not forbid cycles, so the
 * walk guards against them.
 */
export interface AnnotationEdgeInput {
  id: number;
  name: string;
  /** Ids of the annotations this annotation is annotated with (its meta-annotations). */
  parents: readonly number[];
}

export interface AnnotationTree {
  names: ReadonlyMap<number, string>;
  children: ReadonlyMap<number, readonly number[]>;
  roots: readonly number[];
  /** Annotations in no meta relation at all. */
  unclassified: number;
}

export function buildAnnotationTree(annotations: readonly AnnotationEdgeInput[]): AnnotationTree {
  const names = new Map(annotations.map((a) => [a.id, a.name]));
  const children = new Map<number, number[]>();
  const hasParent = new Set<number>();
  for (const a of annotations) {
    for (const parent of a.parents) {
      if (!names.has(parent) || parent === a.id) continue;
      hasParent.add(a.id);
      const list = children.get(parent) ?? [];
      list.push(a.id);
      children.set(parent, list);
    }
  }
  const byName = (x: number, y: number) => (names.get(x) ?? '').localeCompare(names.get(y) ?? '');
  for (const list of children.values()) list.sort(byName);
  const roots = [...children.keys()].filter((id) => !hasParent.has(id)).sort(byName);
  // A cycle with no entry point has no root: list its members as roots so they stay reachable.
  const reachable = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop() as number;
    if (reachable.has(id)) continue;
    reachable.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  const orphanedMetas = [...children.keys()].filter((id) => !reachable.has(id)).sort(byName);
  const unclassified = annotations.filter(
    (a) => !children.has(a.id) && !hasParent.has(a.id),
  ).length;
  return { names, children, roots: [...roots, ...orphanedMetas], unclassified };
}
