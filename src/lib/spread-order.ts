/**
 * A long list reordered so that any prefix samples the whole of it: every k-th item first
 * (k = ⌈√n⌉), then the ones after each of those, and so on. Selections are often sorted by
 * name, cell type or id, which go with where the neurons are: loaded in that order, a scene's
 * bounds keep growing until the last neurons arrive, and every growth re-frames the view (a
 * whole redraw). Loaded spread, the first tenth already spans nearly all of the scene.
 */
export function spreadOrder<T>(items: readonly T[]): T[] {
  const n = items.length;
  const k = Math.max(1, Math.ceil(Math.sqrt(n)));
  const out: T[] = [];
  for (let start = 0; start < k; start++) {
    for (let i = start; i < n; i += k) out.push(items[i] as T);
  }
  return out;
}
