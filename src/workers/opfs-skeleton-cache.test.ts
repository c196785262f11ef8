import { describe, expect, it } from 'vitest';
import type { SkeletonDetail } from '../api/skeleton-detail.ts';
import {
  opfsSkeletonCache,
  type OpfsDirectory,
  type SegmentIndex,
  type SyncFile,
} from './opfs-skeleton-cache.ts';
import { packSkeleton } from './skeleton-pack.ts';

/**
 * The OPFS calls the cache makes, in memory: files as byte arrays; a SyncAccessHandle locks its
 * file as browsers do (read-only handles share, a read-write one is exclusive); getFile takes
 * no lock but fails on a file a read-write handle holds.
 */
function fakeDirectory(options: { quota?: number } = {}) {
  const files = new Map<string, Uint8Array>();
  const writers = new Set<string>();
  const readers = new Map<string, number>();
  let open = 0;
  /** Bytes of each read (File.slice) made of a segment. */
  const reads: number[] = [];
  const handle = (name: string, readOnly: boolean): SyncFile => {
    let live = true;
    open++;
    const bytes = () => files.get(name) ?? new Uint8Array(0);
    const check = () => {
      if (!live) throw new DOMException('closed', 'InvalidStateError');
    };
    return {
      write(from, { at }) {
        check();
        if (readOnly) throw new DOMException('read-only', 'NoModificationAllowedError');
        const size = Math.max(bytes().length, at + from.length);
        if (size > (options.quota ?? Infinity))
          throw new DOMException('full', 'QuotaExceededError');
        const next = new Uint8Array(size);
        next.set(bytes());
        next.set(from, at);
        files.set(name, next);
        return from.length;
      },
      close() {
        if (!live) return;
        live = false;
        open--;
        if (readOnly) readers.set(name, (readers.get(name) ?? 1) - 1);
        else writers.delete(name);
      },
    };
  };
  const dir: OpfsDirectory = {
    getFileHandle(name, { create = false } = {}) {
      if (!files.has(name)) {
        if (!create) return Promise.reject(new DOMException(name, 'NotFoundError'));
        files.set(name, new Uint8Array(0));
      }
      return Promise.resolve({
        getFile() {
          if (writers.has(name))
            return Promise.reject(new DOMException(name, 'NoModificationAllowedError'));
          const blob = new Blob([Uint8Array.from(files.get(name) ?? [])]);
          const slice = blob.slice.bind(blob);
          blob.slice = (start?: number, end?: number) => {
            reads.push((end ?? blob.size) - (start ?? 0));
            return slice(start, end);
          };
          return Promise.resolve(blob);
        },
        createSyncAccessHandle({ mode = 'readwrite' }: { mode?: string } = {}) {
          const readOnly = mode === 'read-only';
          if (writers.has(name) || (!readOnly && (readers.get(name) ?? 0) > 0)) {
            return Promise.reject(new DOMException(name, 'NoModificationAllowedError'));
          }
          if (readOnly) readers.set(name, (readers.get(name) ?? 0) + 1);
          else writers.add(name);
          return Promise.resolve(handle(name, readOnly));
        },
      });
    },
    removeEntry(name) {
      if (!files.delete(name)) return Promise.reject(new DOMException(name, 'NotFoundError'));
      return Promise.resolve();
    },
  };
  return { dir, files, writers, reads, openHandles: () => open };
}

function memoryIndex() {
  const map = new Map<string, unknown>();
  const index: SegmentIndex = {
    getMany: (keys) => Promise.resolve(keys.map((k) => map.get(k))),
    setMany: (entries) => {
      for (const [k, v] of entries) map.set(k, v);
      return Promise.resolve();
    },
  };
  return { map, index };
}

function setup(options: { quota?: number } = {}) {
  const fake = fakeDirectory(options);
  const { map, index } = memoryIndex();
  let n = 0;
  const cache = opfsSkeletonCache(
    () => Promise.resolve(fake.dir),
    index,
    () => `s${n++}.skels`,
  );
  return { ...fake, map, cache };
}

function detail(skeletonId: number, nodeCount: number): SkeletonDetail {
  return {
    skeletonId,
    nodeCount,
    nodeIds: Float64Array.from({ length: nodeCount }, (_, i) => i + 1),
    parentIndex: Int32Array.from({ length: nodeCount }, (_, i) => i - 1),
    creatorIds: new Int32Array(nodeCount),
    positions: Float32Array.from({ length: 3 * nodeCount }, (_, i) => i),
    radii: new Float32Array(nodeCount),
    confidences: new Uint8Array(nodeCount).fill(5),
    rootIndex: nodeCount > 0 ? 0 : -1,
    connectors: {
      nodeIndex: new Int32Array(0),
      connectorIds: new Float64Array(0),
      relations: new Int8Array(0),
      positions: new Float32Array(0),
    },
    tags: new Map([['soma', Int32Array.from([0])]]),
    somaIndex: 0,
    reviews: { nodeIndex: new Int32Array(0), reviewerIds: new Int32Array(0) },
    annotationIds: [3],
  };
}

const key = (id: number, flags = '{}') => `skeleton3d:v2|https://c.example|1|${id}|${flags}`;
const entry = (id: number, nodes: number): [string, ArrayBuffer] => [
  key(id),
  packSkeleton(key(id), { detail: detail(id, nodes), savedAt: 5, editedAt: 9 }),
];

describe('OPFS skeleton copies in segment files', () => {
  it('reads back copies from several segments, misses others, and closes every handle', async () => {
    const { cache, files, map, openHandles } = setup();
    await cache.setMany([entry(16, 4), entry(17, 0)]);
    await cache.setMany([entry(18, 7)]);
    expect([...files.keys()]).toEqual(['s0.skels', 's1.skels']);
    expect(map.get(key(18))).toEqual({
      segment: 's1.skels',
      offset: 0,
      length: entry(18, 7)[1].byteLength,
    });
    const [a, missing, c, b] = await cache.getMany([key(16), key(19), key(18), key(17)]);
    expect(a?.detail).toEqual(detail(16, 4));
    expect(a?.editedAt).toBe(9);
    expect(b?.detail).toEqual(detail(17, 0));
    expect(c?.detail).toEqual(detail(18, 7));
    expect(missing).toBeUndefined();
    expect(openHandles()).toBe(0);
  });

  it('reads a segment other handles read, without taking a lock; one being written is a miss', async () => {
    const { cache, dir, writers, openHandles } = setup();
    await cache.setMany([entry(16, 4)]);
    const handle = await dir.getFileHandle('s0.skels');
    const other = await (
      handle.createSyncAccessHandle as (o: { mode: string }) => Promise<{ close(): void }>
    )({ mode: 'read-only' });
    expect((await cache.getMany([key(16)]))[0]?.detail.nodeCount).toBe(4);
    expect(openHandles()).toBe(1); // only the other reader's
    other.close();
    writers.add('s0.skels'); // an exclusive handle elsewhere
    expect(await cache.getMany([key(16)])).toEqual([undefined]);
  });

  it('never shows another key’s copy, whatever the index says', async () => {
    const { cache, map } = setup();
    await cache.setMany([entry(16, 4)]);
    const other = key(16, '{"withConnectors":true}');
    map.set(other, map.get(key(16)));
    map.set(key(20), new ArrayBuffer(8)); // a packed copy of the IndexedDB fallback
    map.set(key(21), { segment: 's0.skels', offset: -1, length: 5 });
    expect(await cache.getMany([other, key(20), key(21)])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('a truncated or removed segment reads as misses', async () => {
    const { cache, files } = setup();
    await cache.setMany([entry(16, 4), entry(17, 4)]);
    const whole = files.get('s0.skels') ?? new Uint8Array();
    files.set('s0.skels', whole.subarray(0, whole.length - 8));
    const [first, second] = await cache.getMany([key(16), key(17)]);
    expect(first?.detail.nodeCount).toBe(4);
    expect(second).toBeUndefined();
    files.clear(); // "Clear skeleton cache" removed the folder
    expect(await cache.getMany([key(16)])).toEqual([undefined]);
  });

  it('a write that fails (full disk) indexes nothing and leaves no segment', async () => {
    const { cache, files, map, openHandles } = setup({ quota: 600 });
    await expect(cache.setMany([entry(16, 4), entry(17, 40)])).rejects.toThrow('full');
    expect(files.size).toBe(0);
    expect(map.size).toBe(0);
    expect(openHandles()).toBe(0);
  });

  it('reads only the bytes of the copies asked for, not those between them', async () => {
    const t = setup();
    // Copies of ~70 KB each, more apart than a read is worth stretching over.
    const entries = [1, 2, 3, 4, 5].map((id) => entry(id, 2_000));
    await t.cache.setMany(entries);
    const size = entries[0]?.[1].byteLength ?? 0;
    expect(size).toBeGreaterThan(64 * 1024);
    const got = await t.cache.getMany([key(1), key(5)]);
    expect(got.map((c) => c?.detail.skeletonId)).toEqual([1, 5]);
    expect(t.reads.reduce((a, b) => a + b, 0)).toBeLessThan(2.5 * size);
  });

  it('a copy written again is read from its newer segment', async () => {
    const { cache } = setup();
    await cache.setMany([entry(16, 400)]);
    await cache.setMany([entry(16, 3)]);
    expect((await cache.getMany([key(16)]))[0]?.detail).toEqual(detail(16, 3));
  });
});
