/**
 * Where a 3D scene's visible neurons reached when it was last shown complete, per CATMAID server,
 * project and set of drawn neurons, remembered in localStorage (the last MAX_SCENES scenes).
 *
 * Why: a reload or a reopen of the same scene used to start framed on nothing, be re-framed on
 * the first neurons in, and so draw its first frame with neurons from scratch. Framed on the
 * remembered bounds from the first frame (camera-controller.ts, `expected`), the view never
 * moves as neurons arrive, and every frame only adds what arrived (frame-accumulation.ts). The
 * bounds are only a hint: once every neuron is in, the real bounds decide again, so a neuron
 * edited since (or a garbled entry) costs at most one re-frame. A garbled value is dropped,
 * never thrown.
 */

export interface RememberedBounds {
  min: [number, number, number];
  max: [number, number, number];
}

const STORAGE_KEY = 'catmaid-dashboard:framed-bounds:v1';
export const MAX_SCENES = 32;

interface Entry extends RememberedBounds {
  key: string;
}

/**
 * cyrb53: a 53-bit string hash, so that two different neuron sets practically never share an
 * entry (a wrong hint would only cost a re-frame, but a view zoomed out meanwhile).
 */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The scene's key: server, project and the drawn skeleton ids (in any order). */
export function sceneKey(
  server: string,
  projectId: number,
  skeletonIds: readonly number[],
): string {
  const ids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return `${projectId}:${ids.length}:${hash53(`${server}|${ids.join(',')}`).toString(36)}`;
}

const triple = (v: unknown): v is [number, number, number] =>
  Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

function read(storage: Storage): Entry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(raw) ? raw.filter(isEntry) : [];
}

function isEntry(v: unknown): v is Entry {
  if (v === null || typeof v !== 'object') return false;
  const e = v as Partial<Entry>;
  return (
    typeof e.key === 'string' &&
    triple(e.min) &&
    triple(e.max) &&
    e.min.every((lo, i) => lo <= (e.max?.[i] ?? -Infinity))
  );
}

function storageOrNull(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The bounds remembered for `key`, or null. */
export function rememberedBounds(
  key: string,
  storage: Storage | null = storageOrNull(),
): RememberedBounds | null {
  if (!storage) return null;
  const e = read(storage).find((x) => x.key === key);
  return e ? { min: [...e.min], max: [...e.max] } : null;
}

/** Remembers `bounds` for `key` (most recent first; the oldest beyond MAX_SCENES dropped). */
export function rememberBounds(
  key: string,
  bounds: RememberedBounds,
  storage: Storage | null = storageOrNull(),
): void {
  if (!storage || !triple(bounds.min) || !triple(bounds.max)) return;
  const rest = read(storage).filter((x) => x.key !== key);
  const entries: Entry[] = [{ key, min: [...bounds.min], max: [...bounds.max] }, ...rest];
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(entries.slice(0, MAX_SCENES)));
  } catch {
    // Storage full or disabled: the next load is framed as neurons arrive, as before.
  }
}
