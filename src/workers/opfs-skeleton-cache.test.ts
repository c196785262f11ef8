import { describe, expect, it } from 'vitest';
import type { SkeletonDetail } from '../api/skeleton-detail.ts';
import {
  fileNameFor,
  opfsSkeletonCache,
  type OpfsDirectory,
  type SyncFile,
} from './opfs-skeleton-cache.ts';
import { packSkeleton } from './skeleton-pack.ts';

/**
 * The OPFS calls the cache makes, in memory: files as byte arrays, a SyncAccessHandle as an
 * exclusive lock (as in browsers: a second open throws NoModificationAllowedError).
 */
function fakeDirectory(options: { quota?: number } = {}) {
  const files = new Map<string, Uint8Array>();
  const locked = new Set<string>();
  const handle = (name: string): SyncFile => {
    let open = true;
    const bytes = () => files.get(name) ?? new Uint8Array(0);
    const live = () => {
      if (!open) throw new DOMException('closed', 'InvalidStateError');
    };
    return {
      getSize: () => (live(), bytes().length),
      read(into, { at }) {
        live();
        const part = bytes().subarray(at, at + into.length);
        into.set(part);
        return part.length;
      },
      write(from, { at }) {
        live();
        const size = Math.max(bytes().length, at + from.length);
        if (size > (options.quota ?? Infinity))
          throw new DOMException('full', 'QuotaExceededError');
        const next = new Uint8Array(size);
        next.set(bytes());
        next.set(from, at);
        files.set(name, next);
        return from.length;
      },
      truncate(size) {
        live();
        const next = new Uint8Array(size);
        next.set(bytes().subarray(0, size));
        files.set(name, next);
      },
      flush: () => live(),
      close() {
        open = false;
        locked.delete(name);
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
        createSyncAccessHandle() {
          if (locked.has(name)) {
            return Promise.reject(new DOMException(name, 'NoModificationAllowedError'));
          }
          locked.add(name);
          return Promise.resolve(handle(name));
        },
      });
    },
  };
  return { dir, files, locked };
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

describe('OPFS skeleton copies', () => {
  it('reads back what it wrote, misses what it never wrote, and closes every handle', async () => {
    const fake = fakeDirectory();
    const cache = opfsSkeletonCache(() => Promise.resolve(fake.dir));
    await cache.setMany([entry(16, 4), entry(17, 0)]);
    const [a, missing, b] = await cache.getMany([key(16), key(18), key(17)]);
    expect(a?.detail).toEqual(detail(16, 4));
    expect(a?.editedAt).toBe(9);
    expect(b?.detail).toEqual(detail(17, 0));
    expect(missing).toBeUndefined();
    expect(fake.files.size).toBe(2);
    expect(fake.locked.size).toBe(0);
  });

  it('treats a file the other worker holds as a miss, and skips writing it', async () => {
    const fake = fakeDirectory();
    const cache = opfsSkeletonCache(() => Promise.resolve(fake.dir));
    await cache.setMany([entry(16, 4)]);
    const name = fileNameFor(key(16));
    fake.locked.add(name); // the other worker has it open
    expect(await cache.getMany([key(16)])).toEqual([undefined]);
    await expect(cache.setMany([entry(16, 9)])).resolves.toBeUndefined();
    fake.locked.delete(name);
    expect((await cache.getMany([key(16)]))[0]?.detail.nodeCount).toBe(4);
  });

  it('never shows another key’s copy under a colliding file name', async () => {
    const fake = fakeDirectory();
    const cache = opfsSkeletonCache(() => Promise.resolve(fake.dir));
    await cache.setMany([entry(16, 4)]);
    const other = key(16, '{"withConnectors":true}');
    fake.files.set(fileNameFor(other), fake.files.get(fileNameFor(key(16))) ?? new Uint8Array());
    expect(await cache.getMany([other])).toEqual([undefined]);
  });

  it('a write cut short (full disk, crash) leaves no readable copy', async () => {
    const fake = fakeDirectory({ quota: 300 });
    const cache = opfsSkeletonCache(() => Promise.resolve(fake.dir));
    await expect(cache.setMany([entry(16, 40), entry(17, 40)])).rejects.toThrow('full');
    expect(fake.files.size).toBe(1); // stopped at the first failure
    expect(await cache.getMany([key(16)])).toEqual([undefined]);
    expect(fake.locked.size).toBe(0);

    const roomy = fakeDirectory();
    const ok = opfsSkeletonCache(() => Promise.resolve(roomy.dir));
    await ok.setMany([entry(16, 40)]);
    const name = fileNameFor(key(16));
    const whole = roomy.files.get(name) ?? new Uint8Array();
    roomy.files.set(name, whole.subarray(0, whole.length - 8));
    expect(await ok.getMany([key(16)])).toEqual([undefined]);
  });

  it('a smaller copy replaces a bigger one exactly', async () => {
    const fake = fakeDirectory();
    const cache = opfsSkeletonCache(() => Promise.resolve(fake.dir));
    await cache.setMany([entry(16, 400)]);
    await cache.setMany([entry(16, 3)]);
    const [back] = await cache.getMany([key(16)]);
    expect(back?.detail).toEqual(detail(16, 3));
    expect(fake.files.get(fileNameFor(key(16)))?.length).toBe(entry(16, 3)[1].byteLength);
  });

  it('names files safely: the skeleton id and a hash of the whole key', () => {
    const a = fileNameFor(key(16));
    expect(a).toMatch(/^16-[0-9a-f]{16}\.skel$/);
    expect(fileNameFor(key(16, '{"a":1}'))).not.toBe(a);
    expect(fileNameFor('skeleton3d:v2|https://other.example|1|16|{}')).not.toBe(a);
    expect(fileNameFor('../../etc|x')).toMatch(/^x-[0-9a-f]{16}\.skel$/);
  });
});
