/**
 * Meta-annotation breadcrumbs: for an annotation, every chain up the meta-annotation hierarchy
 * to an annotation that has no meta-annotation, e.g. `cell type › PN`. Chains are listed root
 * first; a cycle (CATMAID allows one) ends the chain where it would repeat; at most `limit`
 * chains per annotation so a dense hierarchy cannot explode.
 */
export function breadcrumbs(
  annotationId: number,
  parentsOf: ReadonlyMap<number, readonly number[]>,
  limit = 8,
): number[][] {
  const out: number[][] = [];
  const walk = (id: number, path: number[]) => {
    if (out.length >= limit) return;
    const parents = (parentsOf.get(id) ?? []).filter((p) => !path.includes(p));
    if (parents.length === 0) {
      out.push([...path].reverse());
      return;
    }
    for (const p of parents) walk(p, [...path, p]);
  };
  walk(annotationId, [annotationId]);
  return out;
}
