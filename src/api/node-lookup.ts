/**
 * node id → node index, for turning parent ids into parent indices (millions of lookups for a
 * big scene). CATMAID usually sends a skeleton's nodes in id order, often as one consecutive
 * run; those cases need no hash map at all. Any other order falls back to a Map.
 */

export interface NodeLookup {
  get(id: number): number | undefined;
}

export function nodeLookup(ids: Float64Array): NodeLookup {
  const n = ids.length;
  const first = ids[0] ?? 0;
  let increasing = true;
  for (let i = 1; i < n; i++) {
    if (!((ids[i] ?? 0) > (ids[i - 1] ?? 0))) {
      increasing = false;
      break;
    }
  }
  if (increasing && (ids[n - 1] ?? 0) - first === n - 1) {
    return {
      get(id) {
        const k = id - first;
        return k >= 0 && k < n && Number.isInteger(k) ? k : undefined;
      },
    };
  }
  if (increasing) {
    return {
      get(id) {
        let lo = 0;
        let hi = n - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const v = ids[mid] ?? 0;
          if (v === id) return mid;
          if (v < id) lo = mid + 1;
          else hi = mid - 1;
        }
        return undefined;
      },
    };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) map.set(ids[i] ?? Number.NaN, i);
  return map;
}
