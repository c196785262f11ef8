/// <reference lib="webworker" />
/**
 * The skeleton worker's cache: OPFS segment files where the browser gives dedicated workers a
 * SyncAccessHandle (opfs-skeleton-cache.ts), else the IndexedDB store holding the same packed
 * copies (one ArrayBuffer per value; reading them back is still ~250 MB/s per worker).
 */
import {
  delMany,
  getMany,
  keys as storeKeys,
  setMany,
  values as storeValues,
  type UseStore,
} from 'idb-keyval';
import type { ReadDisplay } from '../3d/geometry/display-pack.ts';
import { DISPLAY_KEY_PREFIX, unwrapDisplayCopy } from './display-copy.ts';
import { collectDeadSegments, type ListableDirectory } from './opfs-segment-collect.ts';
import { opfsCopies, opfsSkeletonCache, type CopyStore } from './opfs-skeleton-cache.ts';
import { CACHE_KEY_PREFIX } from './skeleton-protocol.ts';
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

function idbDisplayCopies(): CopyStore<ReadDisplay> {
  const store = skeletonStore();
  return {
    getMany: async (keys) =>
      (await getMany<unknown>(keys, store)).map((v, i) => unwrapDisplayCopy(v, keys[i] ?? '')),
    setMany: (entries) => setMany(entries, store),
  };
}

const isCurrent = (k: IDBValidKey) =>
  typeof k === 'string' && (k.startsWith(CACHE_KEY_PREFIX) || k.startsWith(DISPLAY_KEY_PREFIX));

/**
 * Removes the store's old copies (keys of an older version: v1 held structured-cloned objects,
 * up to hundreds of MB). Keys only: reading the values back would cost seconds.
 */
async function dropOldCopies(store: UseStore): Promise<void> {
  try {
    const all = await storeKeys<IDBValidKey>(store);
    const old = all.filter((k) => !isCurrent(k));
    if (old.length > 0) await delMany(old, store);
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
 * store (opfs-skeleton-cache.ts), else packed copies in that store. The first write also drops
 * the copies of older versions from the store, so they do not linger on disk.
 */
export interface BrowserSkeletonCache extends SkeletonCache {
  /** Removes dead OPFS segments (opfs-segment-collect.ts); nothing to do without OPFS. */
  collect(): Promise<void>;
  /** Display-form copies (display-copy.ts): in the same store, written with `setMany`. */
  getDisplays(keys: string[]): Promise<(ReadDisplay | undefined)[]>;
}

export function browserSkeletonCache(): BrowserSkeletonCache {
  const fallback = {
    cache: idbSkeletonCache(),
    displays: idbDisplayCopies(),
    collect: () => Promise.resolve(),
  };
  const chosen = (async () => {
    const root = hasSyncAccess() ? await opfsRoot() : null;
    if (!root) return fallback;
    const store = skeletonStore();
    // The folder is asked again per call: the page may have removed it (clearSkeletonCopies).
    const folder = () => root.getDirectoryHandle(OPFS_SKELETON_DIR, { create: true });
    const index = {
      getMany: (keys: string[]) => getMany<unknown>(keys, store),
      setMany: (entries: [string, unknown][]) => setMany(entries, store),
    };
    const cache = opfsSkeletonCache(folder, index);
    const displays = opfsCopies(folder, index, unwrapDisplayCopy);
    const collect = async () => {
      // keys() is typed in lib.dom.asynciterable, which this project does not load.
      const dir = (await folder()) as unknown as ListableDirectory;
      await collectDeadSegments(dir, await storeValues(store), Date.now());
    };
    return { cache, displays, collect };
  })().catch(() => fallback);
  let oldCopies: Promise<void> | undefined;
  return {
    getMany: async (keys) => (await chosen).cache.getMany(keys),
    setMany: async (entries) => {
      oldCopies ??= dropOldCopies(skeletonStore());
      await oldCopies;
      await (await chosen).cache.setMany(entries);
    },
    collect: async () => (await chosen).collect().catch(() => undefined),
    getDisplays: async (keys) => (await chosen).displays.getMany(keys),
  };
}
