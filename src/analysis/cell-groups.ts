/**
 * Cell-type groups for circuit tables: the direct sub-annotations of a meta-annotation (for
 * "cell type": ORN, PN, KC, …) are the groups; a neuron is in a group when it carries the group's
 * annotation or one below it (uPN → PN). A neuron in several groups takes the first by name;
 * one in none is "no <meta>" (kept apart, so fractions still add up).
 */
export interface GroupHierarchy {
  names: ReadonlyMap<number, string>;
  /** annotation id → the annotations it annotates (its sub-annotations). */
  children: ReadonlyMap<number, readonly number[]>;
}

/** annotation id → group name, for every annotation at or below each group. */
export function groupAnnotationMap(h: GroupHierarchy, metaId: number): Map<number, string> {
  const groups = [...(h.children.get(metaId) ?? [])]
    .map((id) => ({ id, name: h.names.get(id) ?? `#${id}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const out = new Map<number, string>();
  for (const g of groups) {
    const stack = [g.id];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const id = stack.pop() as number;
      if (seen.has(id)) continue;
      seen.add(id);
      if (!out.has(id)) out.set(id, g.name);
      stack.push(...(h.children.get(id) ?? []));
    }
  }
  return out;
}

export function ungroupedLabel(metaName: string): string {
  return `no ${metaName}`;
}

/** skeleton id → group name (`ungroupedLabel` when none). */
export function groupsOfSkeletons(
  skeletonIds: readonly number[],
  annotationsOf: ReadonlyMap<number, readonly { id: number }[]>,
  annotationGroup: ReadonlyMap<number, string>,
  metaName: string,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const skid of skeletonIds) {
    let best: string | undefined;
    for (const a of annotationsOf.get(skid) ?? []) {
      const g = annotationGroup.get(a.id);
      if (g !== undefined && (best === undefined || g.localeCompare(best) < 0)) best = g;
    }
    out.set(skid, best ?? ungroupedLabel(metaName));
  }
  return out;
}
