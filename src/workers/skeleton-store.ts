/**
 * Where the browser keeps its skeleton copies, and "Clear skeleton cache" (the 3D view's cache
 * panel, on the page). The workers write packed copies (skeleton-pack.ts) into segment files in
 * the origin private file system (OPFS), indexed in one IndexedDB store, or, where a browser
 * has no OPFS SyncAccessHandle, as values in that store (browser-skeleton-cache.ts). Opened
 * lazily, so importing this module in a test or a page that never loads skeletons touches no
 * storage; a skeleton worker opens it at its start (openSkeletonStore).
 */
import { clear, createStore, type UseStore } from 'idb-keyval';

const SKELETON_DB = 'catmaid-dashboard-skeletons';
const STORE = 'skeletons';
/** The OPFS folder of the copies' segment files (opfs-skeleton-cache.ts). */
export const OPFS_SKELETON_DIR = 'skeleton-copies';

let store: UseStore | undefined;

export function skeletonStore(): UseStore {
  store ??= createStore(SKELETON_DB, STORE);
  return store;
}

/**
 * Opens the store now, for a worker at its start: opening it (creating the database, in a fresh
 * profile) took 50-90 ms, which the first load of a page waited for before its request went out.
 */
export function openSkeletonStore(): void {
  if (typeof indexedDB === 'undefined') return;
  try {
    skeletonStore()('readonly', () => undefined).catch(() => undefined);
  } catch {
    // A context that refuses IndexedDB outright: the loads find out (and load without copies).
  }
}

/** The OPFS root, or null where this browser (or context) has none. */
export async function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') {
    return null;
  }
  try {
    return await navigator.storage.getDirectory();
  } catch {
    return null; // e.g. a private window that refuses OPFS
  }
}

const isBusy = (e: unknown) => e instanceof DOMException && e.name === 'NoModificationAllowedError';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Removes the OPFS folder. A worker holds a file only while reading or writing it (milliseconds),
 * so a busy folder is tried again a few times before the failure is shown.
 */
async function clearOpfsCopies(): Promise<void> {
  const root = await opfsRoot();
  if (!root) return;
  for (let attempt = 0; ; attempt++) {
    try {
      await root.removeEntry(OPFS_SKELETON_DIR, { recursive: true });
      return;
    } catch (e) {
      if (e instanceof DOMException && e.name === 'NotFoundError') return;
      if (!isBusy(e) || attempt >= 20) throw e;
      await pause(100);
    }
  }
}

/**
 * Removes every cached skeleton of every server and project from this browser: the OPFS
 * segments and the IndexedDB store (their index; the fallback's copies; copies of before OPFS).
 */
export async function clearSkeletonCopies(): Promise<void> {
  await Promise.all([clear(skeletonStore()), clearOpfsCopies()]);
}
