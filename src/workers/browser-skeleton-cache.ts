/// <reference lib="webworker" />
/**
 * The skeleton worker's cache: OPFS files where the browser gives dedicated workers a
 * SyncAccessHandle (opfs-skeleton-cache.ts), else today's IndexedDB store holding the same
 * packed copies (one ArrayBuffer per value: cloning it back is a copy of bytes, not of objects).
 */
import { clear, getMany, setMany } from 'idb-keyval';
import { opfsSkeletonCache } from './opfs-skeleton-cache.ts';
import type { SkeletonCache } from './skeleton-load.ts';
import { OPFS_SKELETON_DIR, opfsRoot, skeletonStore } from './skeleton-store.ts';
import { unpackSkeleton } from './skeleton-unpack.ts';

export function idbSkeletonCache(): SkeletonCache {
  const store = skeletonStore();
  return {
    getMany: async (keys) =>
      (await getMany<unknown>(keys, store)).map((v, i) => unpackSkeleton(v, keys[i] ?? '')),
    setMany: (entries) => setMany(entries, store),
  };
}

function hasSyncAccess(): boolean {
  return (
    typeof FileSystemFileHandle !== 'undefined' &&
    'createSyncAccessHandle' in FileSystemFileHandle.prototype
  );
}

/**
 * Where this worker keeps copies, decided on first use. With OPFS, the first write also empties
 * the IndexedDB store, where copies lived before (cacheKey v1), so they do not linger on disk.
 */
export function browserSkeletonCache(): SkeletonCache {
  const fallback = idbSkeletonCache();
  const chosen = (async (): Promise<SkeletonCache> => {
    const root = hasSyncAccess() ? await opfsRoot() : null;
    if (!root) return fallback;
    // Asked again per call: the page may have removed the folder (clearSkeletonCopies).
    const opfs = opfsSkeletonCache(() =>
      root.getDirectoryHandle(OPFS_SKELETON_DIR, { create: true }),
    );
    let oldCopies: Promise<void> | undefined;
    return {
      getMany: (keys) => opfs.getMany(keys),
      setMany: (entries) => {
        oldCopies ??= clear(skeletonStore()).catch(() => undefined);
        return opfs.setMany(entries);
      },
    };
  })().catch(() => fallback);
  return {
    getMany: async (keys) => (await chosen).getMany(keys),
    setMany: async (entries) => (await chosen).setMany(entries),
  };
}
