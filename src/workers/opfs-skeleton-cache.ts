/**
 * The browser's skeleton copies in the origin private file system (OPFS), read and written
 * through SyncAccessHandles (dedicated workers only). One file per skeleton cost ~1.6 ms of
 * open and close per copy with two workers at once (about as slow as IndexedDB's ~250 MB/s
 * per worker, issue 14), so copies are appended to segment files instead: every idle write
 * step writes one new segment (a name no other worker uses, so writers never meet), and a
 * small index (key → segment, offset, length; IndexedDB, small values are quick) says where
 * each copy lies. A read reads each segment it needs once, as a File (no lock: both workers,
 * and those of a page being reloaded, may read a segment at once), and gives each copy its own
 * buffer, decoded as views
 * (skeleton-unpack.ts). The key is stored in the copy and compared on read, so a wrong or
 * stale index entry reads as a miss, never as another skeleton.
 *
 * A segment whose copies were all written again is removed later (opfs-segment-collect.ts);
 * one with some live copies keeps its dead bytes until "Clear skeleton cache".
 */
import { spansOf } from './segment-spans.ts';
import type { SkeletonCache } from './skeleton-load.ts';
import { unpackSkeleton } from './skeleton-unpack.ts';

/** Packed copies by key, read back through the unpacker the store was made with. */
export interface CopyStore<T> {
  getMany(keys: string[]): Promise<(T | undefined)[]>;
  setMany(entries: [string, ArrayBuffer][]): Promise<void>;
}

/** A copy's bytes as what it holds, or undefined when they are not a usable copy of `key`. */
export type Unpack<T> = (buffer: unknown, key: string) => T | undefined;

/** The parts of FileSystemSyncAccessHandle used here (a fake implements them in tests). */
export interface SyncFile {
  write(from: Uint8Array, options: { at: number }): number;
  close(): void;
}

export interface OpfsDirectory {
  getFileHandle(
    name: string,
    options?: { create?: boolean },
  ): Promise<{
    createSyncAccessHandle(): Promise<SyncFile>;
    getFile(): Promise<Blob>;
  }>;
  removeEntry(name: string): Promise<void>;
}

/** Where one copy lies. */
export interface SegmentRef {
  segment: string;
  offset: number;
  length: number;
}

/** key → SegmentRef (values of another shape read as misses). */
export interface SegmentIndex {
  getMany(keys: string[]): Promise<unknown[]>;
  setMany(entries: [string, SegmentRef][]): Promise<void>;
}

export function isSegmentRef(v: unknown): v is SegmentRef {
  if (!v || typeof v !== 'object') return false;
  const r = v as Partial<SegmentRef>;
  return (
    typeof r.segment === 'string' &&
    Number.isSafeInteger(r.offset) &&
    Number.isSafeInteger(r.length) &&
    (r.offset ?? -1) >= 0 &&
    (r.length ?? -1) > 0
  );
}

const SEGMENT_SUFFIX = '.skels';

function newSegmentName(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID()}${SEGMENT_SUFFIX}`;
}

/** When a segment was made (its name starts with the time), null for a name not of a segment. */
export function segmentBornAt(name: string): number | null {
  const time = /^([0-9a-z]+)-/.exec(name)?.[1];
  if (!time || !name.endsWith(SEGMENT_SUFFIX)) return null;
  const born = parseInt(time, 36);
  return Number.isSafeInteger(born) ? born : null;
}

/** The copies `refs[i]` of `keys[i]` in one segment; misses where it cannot be read. */
async function readSegment<T>(
  dir: OpfsDirectory,
  segment: string,
  wanted: { index: number; key: string; ref: SegmentRef }[],
  out: (T | undefined)[],
  unpack: Unpack<T>,
): Promise<void> {
  try {
    // Read as a File, not through a SyncAccessHandle: read-only handles on one segment, taken
    // by both workers and by the workers of a page being reloaded, left some opens pending for
    // ever in Chromium 156 (a reload of 1,000 neurons stopped at 600). A File takes no lock.
    const file = await (await dir.getFileHandle(segment)).getFile();
    const fits = wanted.filter(({ ref }) => ref.offset + ref.length <= file.size);
    // The copies' own ranges, near ones read together (segment-spans.ts).
    await Promise.all(
      spansOf(fits).map(async ({ from, to, items }) => {
        const span = await file.slice(from, to).arrayBuffer();
        if (span.byteLength !== to - from) return;
        for (const { index, key, ref } of items) {
          // Each copy in a buffer of its own: its arrays are read as aligned views.
          const start = ref.offset - from;
          const own = items.length === 1 ? span : span.slice(start, start + ref.length);
          out[index] = unpack(own, key);
        }
      }),
    );
  } catch {
    // NotFoundError (cleared or collected since the index was read): misses, which only cost
    // a fetch.
  }
}

/**
 * `directory` is asked again for every call, so a folder removed meanwhile ("Clear skeleton
 * cache" from the page) is made again rather than written into while detached.
 */
export function opfsSkeletonCache(
  directory: () => Promise<OpfsDirectory>,
  index: SegmentIndex,
  segmentName: () => string = newSegmentName,
): SkeletonCache {
  return opfsCopies(directory, index, unpackSkeleton, segmentName);
}

/** Copies of any packed kind (skeletons, display forms) in the same segments and index. */
export function opfsCopies<T>(
  directory: () => Promise<OpfsDirectory>,
  index: SegmentIndex,
  unpack: Unpack<T>,
  segmentName: () => string = newSegmentName,
): CopyStore<T> {
  return {
    async getMany(keys) {
      const refs = await index.getMany(keys);
      const out: (T | undefined)[] = keys.map(() => undefined);
      const bySegment = new Map<string, { index: number; key: string; ref: SegmentRef }[]>();
      refs.forEach((ref, i) => {
        const key = keys[i];
        if (!isSegmentRef(ref) || key === undefined) return;
        const list = bySegment.get(ref.segment) ?? [];
        list.push({ index: i, key, ref });
        bySegment.set(ref.segment, list);
      });
      if (bySegment.size === 0) return out;
      const dir = await directory();
      await Promise.all(
        [...bySegment].map(([s, wanted]) => readSegment(dir, s, wanted, out, unpack)),
      );
      return out;
    },

    async setMany(entries) {
      if (entries.length === 0) return;
      const dir = await directory();
      const segment = segmentName();
      const refs: [string, SegmentRef][] = [];
      let file: SyncFile | undefined;
      try {
        file = await (await dir.getFileHandle(segment, { create: true })).createSyncAccessHandle();
        let at = 0;
        for (const [key, packed] of entries) {
          const bytes = new Uint8Array(packed);
          if (file.write(bytes, { at }) !== bytes.length) throw new Error('short write');
          refs.push([key, { segment, offset: at, length: bytes.length }]);
          at += bytes.length;
        }
      } catch (e) {
        // A full disk: no index entry points into the unfinished segment, which goes.
        file?.close();
        file = undefined;
        await dir.removeEntry(segment).catch(() => undefined);
        throw e;
      } finally {
        file?.close();
      }
      // Only a complete, closed segment is indexed.
      await index.setMany(refs);
    },
  };
}
