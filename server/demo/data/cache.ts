/**
 * On-disk cache of the generated dataset: `[u32 header length][JSON header][typed arrays]`,
 * each array 8-byte aligned, so a later start maps the bytes back into typed arrays without
 * parsing. GENERATOR_VERSION is part of the file name: bump it whenever the generator changes.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDataset } from './dataset.ts';
import type {
  DemoDataset,
  GeneratedProject,
  ProjectArrays,
  ProjectMeta,
  DemoUser,
} from './types.ts';

const GENERATOR_VERSION = 2;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const defaultCacheDir = join(repoRoot, '.cache', 'demo-data');

type TypedArray = Int32Array | Uint32Array | Float32Array | Uint8Array;
const CTORS = { Int32Array, Uint32Array, Float32Array, Uint8Array } as const;
type CtorName = keyof typeof CTORS;

interface ArrayEntry {
  type: CtorName;
  offset: number;
  length: number;
}

interface Header {
  version: number;
  seed: number;
  scale: number;
  users: DemoUser[];
  projects: { meta: ProjectMeta; arrays: Record<string, ArrayEntry> }[];
}

function typeName(a: TypedArray): CtorName {
  if (a instanceof Int32Array) return 'Int32Array';
  if (a instanceof Uint32Array) return 'Uint32Array';
  if (a instanceof Float32Array) return 'Float32Array';
  return 'Uint8Array';
}

function cacheFile(dir: string, seed: number, scale: number): string {
  return join(dir, `v${GENERATOR_VERSION}-seed-${seed}-scale-${scale}.bin`);
}

export function serialise(data: DemoDataset): Buffer {
  const chunks: TypedArray[] = [];
  let offset = 0;
  const projects = data.projects.map((p) => {
    const arrays: Record<string, ArrayEntry> = {};
    for (const [name, arr] of Object.entries(p.arrays) as [string, TypedArray][]) {
      arrays[name] = { type: typeName(arr), offset, length: arr.length };
      chunks.push(arr);
      offset += Math.ceil(arr.byteLength / 8) * 8;
    }
    return { meta: p.meta, arrays };
  });
  const header: Header = {
    version: GENERATOR_VERSION,
    seed: data.seed,
    scale: data.scale,
    users: data.users,
    projects,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = Math.ceil((4 + json.length) / 8) * 8;
  const out = Buffer.alloc(headerBytes + offset);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = headerBytes;
  for (const arr of chunks) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, at);
    at += Math.ceil(arr.byteLength / 8) * 8;
  }
  return out;
}

export function deserialise(buf: Buffer): DemoDataset {
  const jsonLength = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + jsonLength).toString('utf8')) as Header;
  if (header.version !== GENERATOR_VERSION)
    throw new Error(`cache version ${header.version} != ${GENERATOR_VERSION}`);
  const headerBytes = Math.ceil((4 + jsonLength) / 8) * 8;
  // Copy once into a fresh, aligned ArrayBuffer (Buffers from the pool may be misaligned).
  const body = new Uint8Array(buf.length - headerBytes);
  body.set(buf.subarray(headerBytes));
  const projects: GeneratedProject[] = header.projects.map((p) => {
    const arrays: Record<string, TypedArray> = {};
    for (const [name, e] of Object.entries(p.arrays))
      arrays[name] = new CTORS[e.type](body.buffer, e.offset, e.length);
    return { meta: p.meta, arrays: arrays as unknown as ProjectArrays };
  });
  return { seed: header.seed, scale: header.scale, users: header.users, projects };
}

export interface LoadResult {
  data: DemoDataset;
  source: 'cache' | 'generated';
  ms: number;
  file: string | null;
}

/** Load from the cache or generate (and write the cache). `cacheDir: null` disables caching. */
export function loadOrGenerate(
  seed: number,
  scale: number,
  cacheDir: string | null = defaultCacheDir,
): LoadResult {
  const t0 = performance.now();
  const file = cacheDir ? cacheFile(cacheDir, seed, scale) : null;
  if (file && existsSync(file)) {
    try {
      return {
        data: deserialise(readFileSync(file)),
        source: 'cache',
        ms: performance.now() - t0,
        file,
      };
    } catch {
      // A truncated or stale cache file is simply regenerated below.
    }
  }
  const data = generateDataset(seed, scale);
  if (file) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, serialise(data));
      renameSync(tmp, file);
    } catch {
      // Caching is an optimisation: a read-only checkout still serves generated data.
    }
  }
  return { data, source: 'generated', ms: performance.now() - t0, file };
}
