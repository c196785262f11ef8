/// <reference lib="webworker" />
/**
 * The skeleton worker's cache: OPFS segment files where the browser gives dedicated workers a
 * SyncAccessHandle (opfs-skeleton-cache.ts), else the IndexedDB store holding the same packed
 * copies (one ArrayBuffer per value; reading them back is still ~250 MB/s per worker).
 */
import { delMany, getMany, keys as storeKeys, setMany, type UseStore } from 'idb-keyval';
import { isSegmentRef, opfsSkeletonCache } from './opfs-skeleton-cache.ts';
import type { SkeletonCache } from './skeleton-load.ts';
import { OPFS_SKELETON_DIR, opfsRoot, skeletonStore } from './skeleton-store.ts';
import { unpackSkeleton } from './skeleton-unpack.ts';

function idbSkeletonCache(): SkeletonCache {
  const store = skeletonStore();
  return {
    getMany: async (keys) =>
      (await getMany<unknown>(keys, store)).map((v, i) => unpackSkeleton(v, keys[i] ?? '')),
    setMany: (entries) => setMany(entries, store),
  };
}

/** Removes the store's values that are not segment references (old copies, see below). */
async function dropUnindexed(store: UseStore): Promise<void> {
  try {
    const all = await storeKeys<string>(store);
    const values = await getMany<unknown>(all, store);
    await delMany(
      all.filter((_, i) => values[i] instanceof ArrayBuffer || !isSegmentRef(values[i])),
      store,
    );
  } catch {
    // Old copies only cost space.
  }
}

function hasSyncAccess(): boolean {
  return (
    typeof FileSystemFileHandle !== 'undefined' &&
    'createSyncAccessHandle' in FileSystemFileHandle.prototype
  );
}

/**
 * Where this worker keeps copies, decided on first use: OPFS segments indexed in the IndexedDB
 * store (opfs-skeleton-cache.ts), else packed copies in that store. With OPFS, the first write
 * also drops what the store held before (v1 copies, or packed copies from a time without
 * OPFS), so old copies do not linger on disk.
 */
export function browserSkeletonCache(): SkeletonCache {
  const fallback = idbSkeletonCache();
  const chosen = (async (): Promise<SkeletonCache> => {
    const root = hasSyncAccess() ? await opfsRoot() : null;
    if (!root) return fallback;
    const store = skeletonStore();
    let oldCopies: Promise<void> | undefined;
    // The folder is asked again per call: the page may have removed it (clearSkeletonCopies).
    return opfsSkeletonCache(() => root.getDirectoryHandle(OPFS_SKELETON_DIR, { create: true }), {
      getMany: (keys) => getMany<unknown>(keys, store),
      setMany: async (entries) => {
        oldCopies ??= dropUnindexed(store);
        await oldCopies;
        await setMany(entries, store);
      },
    });
  })().catch(() => fallback);
  return {
    getMany: async (keys) => (await chosen).getMany(keys),
    setMany: async (entries) => (await chosen).setMany(entries),
  };
}
