/**
 * A SkeletonCache in a Map, for tests of the worker's logic: it keeps the packed copies as the
 * browser's stores do and decodes them on read, so a test sees exactly what a reload would.
 */
import type { SkeletonCache, StoredSkeleton } from './skeleton-load.ts';
import { unpackSkeleton } from './skeleton-unpack.ts';

export interface MemorySkeletonCache extends SkeletonCache {
  packed: Map<string, ArrayBuffer>;
  /** Every stored copy, decoded, in the order first stored. */
  copies(): (StoredSkeleton | undefined)[];
}

export function memorySkeletonCache(): MemorySkeletonCache {
  const packed = new Map<string, ArrayBuffer>();
  return {
    packed,
    copies: () => [...packed].map(([key, buffer]) => unpackSkeleton(buffer, key)),
    getMany: (keys) => Promise.resolve(keys.map((k) => unpackSkeleton(packed.get(k), k))),
    setMany: (entries) => {
      for (const [k, v] of entries) packed.set(k, v);
      return Promise.resolve();
    },
  };
}
