/**
 * The browser's skeleton copies as files in the origin private file system (OPFS): one file per
 * cache key, holding the packed copy (skeleton-pack.ts), read and written whole through a
 * SyncAccessHandle (dedicated workers only). A read is one file read into one buffer that is
 * decoded as views: no structured clone (IndexedDB's cost, issue 14).
 *
 * Two skeleton workers may touch the same file: a SyncAccessHandle is exclusive, so a file the
 * other worker holds reads as a miss and is not written (the other worker is writing or reading
 * the same copy). Every handle is closed before the call returns.
 */
import type { SkeletonCache } from './skeleton-load.ts';
import { unpackSkeleton } from './skeleton-unpack.ts';

/** The parts of FileSystemSyncAccessHandle used here (a fake implements them in tests). */
export interface SyncFile {
  getSize(): number;
  read(into: Uint8Array, options: { at: number }): number;
  write(from: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

export interface OpfsDirectory {
  getFileHandle(
    name: string,
    options?: { create?: boolean },
  ): Promise<{ createSyncAccessHandle(): Promise<SyncFile> }>;
}

/** 32-bit FNV-1a over UTF-16 code units, from a given basis. */
function fnv1a(text: string, basis: number): string {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A safe, short file name for a cache key: the skeleton id (for a person looking at the folder)
 * and 64 bits of hash. A collision cannot show another skeleton: the key is stored in the file
 * and compared on read.
 */
export function fileNameFor(key: string): string {
  const id = /\|(\d+)\|[^|]*$/.exec(key)?.[1] ?? 'x';
  return `${id}-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}.skel`;
}

async function readOne(dir: OpfsDirectory, key: string) {
  let file: SyncFile | undefined;
  try {
    file = await (await dir.getFileHandle(fileNameFor(key))).createSyncAccessHandle();
    const size = file.getSize();
    const buffer = new ArrayBuffer(size);
    if (file.read(new Uint8Array(buffer), { at: 0 }) !== size) return undefined;
    return unpackSkeleton(buffer, key);
  } catch {
    // NotFoundError (never stored), NoModificationAllowedError (the other worker has it open):
    // a miss, which only costs a fetch.
    return undefined;
  } finally {
    file?.close();
  }
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'QuotaExceededError';
}

/** false: not written (held by the other worker, or a failed write, which leaves no file). */
async function writeOne(dir: OpfsDirectory, key: string, packed: ArrayBuffer): Promise<boolean> {
  let file: SyncFile | undefined;
  try {
    file = await (
      await dir.getFileHandle(fileNameFor(key), { create: true })
    ).createSyncAccessHandle();
    // Emptied first: a write cut short leaves a file shorter than its header says (unusable,
    // skeleton-unpack.ts), never a mix of an old and a new copy.
    file.truncate(0);
    const bytes = new Uint8Array(packed);
    if (file.write(bytes, { at: 0 }) !== bytes.length) {
      file.truncate(0);
      return false;
    }
    file.flush();
    return true;
  } catch (e) {
    if (isQuotaError(e)) {
      file?.truncate(0);
      throw e;
    }
    return false;
  } finally {
    file?.close();
  }
}

/**
 * `directory` is asked again for every call, so a folder removed meanwhile ("Clear skeleton
 * cache" from the page) is made again rather than written into while detached.
 */
export function opfsSkeletonCache(directory: () => Promise<OpfsDirectory>): SkeletonCache {
  return {
    async getMany(keys) {
      const dir = await directory();
      return Promise.all(keys.map((key) => readOne(dir, key)));
    },
    async setMany(entries) {
      const dir = await directory();
      // One at a time: each write is synchronous anyway, and a full disk stops the batch.
      for (const [key, packed] of entries) await writeOne(dir, key, packed);
    },
  };
}
