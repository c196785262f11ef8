/**
 * The display form of a skeleton (./display-piece.ts) as bytes: what the dashboard server caches
 * and sends, and what the browser keeps. A fixed 104-byte prefix, then the raw arrays, 4-byte
 * aligned so a reader takes typed-array views over the bytes it received (no per-element copy).
 * Many packs travel in one answer (`packDisplayBatch`): a table of [skeleton id, offset, length],
 * each pack 8-byte aligned. Anything that does not read back cleanly (truncated, corrupt,
 * another version) is absent: the caller falls back to the full skeleton, never shows half one.
 */
import type { DisplayPiece } from './display-piece.ts';
import { LINE_INFO_SIZE, POINT_INFO_SIZE } from './skeleton-piece.ts';

/** 'CDDP' and 'CDDB' little-endian. */
const PACK_MAGIC = 0x50444443;
const BATCH_MAGIC = 0x42444443;
export const DISPLAY_PACK_VERSION = 1;
const PREFIX = 104;
const AT = {
  magic: 0,
  version: 4,
  skeletonId: 8,
  editedAt: 16,
  nodeCount: 24,
  kept: 28,
  indexCount: 32,
  connectors: 36,
  maxStrahler: 40,
  somaIndex: 44,
  total: 48,
  soma: 52, // x, y, z, radius: f32
  bounds: 68, // min xyz, max xyz: f32
  somaStrahler: 92, // u16
  somaCreator: 94, // u16
} as const;

export const DISPLAY_CONTENT_TYPE = 'application/x-catmaid-dashboard-display';

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/** The arrays in the order they lie, with their element counts (u16 ones last: alignment). */
function layout(kept: number, indexCount: number, connectors: number) {
  return [
    ['source', 4, kept],
    ['positions', 4, kept * 3],
    ['indices', 4, indexCount],
    ['connectorPositions', 4, connectors * 3],
    ['info', 2, kept * LINE_INFO_SIZE],
    ['connectorInfo', 2, connectors * POINT_INFO_SIZE],
  ] as const;
}

function packedLength(kept: number, indexCount: number, connectors: number): number {
  const bytes = layout(kept, indexCount, connectors).reduce((s, [, b, n]) => s + b * n, 0);
  return align(PREFIX + bytes, 8);
}

/** `editedAt`: CATMAID's last edition of the skeleton the piece was derived from (epoch ms). */
export function packDisplay(
  p: DisplayPiece,
  editedAt: number | undefined,
): Uint8Array<ArrayBuffer> {
  const kept = p.coarse.source.length;
  const indexCount = p.coarse.indices.length;
  const connectors = p.connectorInfo.length / POINT_INFO_SIZE;
  const total = packedLength(kept, indexCount, connectors);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(AT.magic, PACK_MAGIC, true);
  view.setUint32(AT.version, DISPLAY_PACK_VERSION, true);
  view.setFloat64(AT.skeletonId, p.skeletonId, true);
  view.setFloat64(AT.editedAt, editedAt ?? NaN, true);
  view.setUint32(AT.nodeCount, p.nodeCount, true);
  view.setUint32(AT.kept, kept, true);
  view.setUint32(AT.indexCount, indexCount, true);
  view.setUint32(AT.connectors, connectors, true);
  view.setUint32(AT.maxStrahler, p.maxStrahler, true);
  view.setInt32(AT.somaIndex, p.soma?.nodeIndex ?? -1, true);
  view.setUint32(AT.total, total, true);
  const soma = p.soma ? [...p.soma.position, p.soma.radius] : [0, 0, 0, 0];
  soma.forEach((v, i) => view.setFloat32(AT.soma + i * 4, v, true));
  [...p.bounds.min, ...p.bounds.max].forEach((v, i) => view.setFloat32(AT.bounds + i * 4, v, true));
  view.setUint16(AT.somaStrahler, p.soma?.strahler ?? 0, true);
  view.setUint16(AT.somaCreator, p.soma?.creator ?? 0, true);
  const sources = {
    source: p.coarse.source,
    positions: p.coarse.positions,
    indices: p.coarse.indices,
    connectorPositions: p.connectorPositions,
    info: p.coarse.info,
    connectorInfo: p.connectorInfo,
  };
  let at = PREFIX;
  for (const [name, size, n] of layout(kept, indexCount, connectors)) {
    const a = sources[name];
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, n * size), at);
    at += n * size;
  }
  return bytes;
}

export interface ReadDisplay {
  piece: DisplayPiece;
  /** Epoch ms, undefined when the server could not tell. */
  editedAt: number | undefined;
  /** The pack it was read from (its arrays are views over these bytes). */
  bytes: Uint8Array;
}

/**
 * The pack at `offset` of `buffer` (4-byte aligned) as views over it, or undefined when it does
 * not read back cleanly. `length`: the bytes it may take (it must take exactly its total).
 */
export function readDisplay(
  buffer: ArrayBuffer,
  offset = 0,
  length = buffer.byteLength - offset,
): ReadDisplay | undefined {
  if (offset % 4 !== 0 || length < PREFIX || offset + length > buffer.byteLength) return undefined;
  const view = new DataView(buffer, offset, length);
  if (view.getUint32(AT.magic, true) !== PACK_MAGIC) return undefined;
  if (view.getUint32(AT.version, true) !== DISPLAY_PACK_VERSION) return undefined;
  const nodeCount = view.getUint32(AT.nodeCount, true);
  const kept = view.getUint32(AT.kept, true);
  const indexCount = view.getUint32(AT.indexCount, true);
  const connectors = view.getUint32(AT.connectors, true);
  const total = view.getUint32(AT.total, true);
  if (total !== length || total !== packedLength(kept, indexCount, connectors)) return undefined;
  if (kept > nodeCount || indexCount % 2 !== 0) return undefined;
  const arrays: Record<string, Uint32Array | Float32Array | Uint16Array> = {};
  let at = offset + PREFIX;
  for (const [name, size, n] of layout(kept, indexCount, connectors)) {
    const Ctor = name === 'info' || name === 'connectorInfo' ? Uint16Array : undefined;
    arrays[name] = Ctor
      ? new Ctor(buffer, at, n)
      : name === 'positions' || name === 'connectorPositions'
        ? new Float32Array(buffer, at, n)
        : new Uint32Array(buffer, at, n);
    at += n * size;
  }
  const source = arrays.source as Uint32Array;
  const indices = arrays.indices as Uint32Array;
  // Out-of-range indices would read other neurons' vertices (or nothing) on the GPU.
  for (let i = 0; i < kept; i++) if ((source[i] ?? 0) >= nodeCount) return undefined;
  for (let i = 0; i < indexCount; i++) if ((indices[i] ?? 0) >= kept) return undefined;
  const f = (at: number) => view.getFloat32(at, true);
  const somaIndex = view.getInt32(AT.somaIndex, true);
  if (somaIndex >= nodeCount) return undefined;
  const editedAt = view.getFloat64(AT.editedAt, true);
  return {
    editedAt: Number.isNaN(editedAt) ? undefined : editedAt,
    bytes: new Uint8Array(buffer, offset, length),
    piece: {
      skeletonId: view.getFloat64(AT.skeletonId, true),
      nodeCount,
      maxStrahler: view.getUint32(AT.maxStrahler, true),
      bounds: {
        min: [f(AT.bounds), f(AT.bounds + 4), f(AT.bounds + 8)],
        max: [f(AT.bounds + 12), f(AT.bounds + 16), f(AT.bounds + 20)],
      },
      soma:
        somaIndex < 0
          ? null
          : {
              nodeIndex: somaIndex,
              position: [f(AT.soma), f(AT.soma + 4), f(AT.soma + 8)],
              radius: f(AT.soma + 12),
              strahler: view.getUint16(AT.somaStrahler, true),
              creator: view.getUint16(AT.somaCreator, true),
            },
      coarse: {
        source,
        positions: arrays.positions as Float32Array,
        info: arrays.info as Uint16Array,
        indices,
      },
      connectorPositions: arrays.connectorPositions as Float32Array,
      connectorInfo: arrays.connectorInfo as Uint16Array,
    },
  };
}

const ENTRY = 16; // f64 skeleton id, u32 offset, u32 length

/** Many packs in one answer: [magic, count], count × [skeleton id, offset, length], the packs. */
export function packDisplayBatch(packs: readonly [number, Uint8Array][]): Uint8Array[] {
  const head = new Uint8Array(align(8 + packs.length * ENTRY, 8));
  const view = new DataView(head.buffer);
  view.setUint32(0, BATCH_MAGIC, true);
  view.setUint32(4, packs.length, true);
  let at = head.length;
  packs.forEach(([id, bytes], i) => {
    view.setFloat64(8 + i * ENTRY, id, true);
    view.setUint32(16 + i * ENTRY, at, true);
    view.setUint32(20 + i * ENTRY, bytes.length, true);
    at += bytes.length; // every pack's length is a multiple of 8
  });
  return [head, ...packs.map(([, bytes]) => bytes)];
}

/**
 * The packs of a batch answer by skeleton id (views over `buffer`); a pack that does not read
 * back is left out (the caller loads that skeleton in full), a table that does not is an error.
 */
export function readDisplayBatch(buffer: ArrayBuffer): Map<number, ReadDisplay> {
  const view = new DataView(buffer);
  if (buffer.byteLength < 8 || view.getUint32(0, true) !== BATCH_MAGIC) {
    throw new Error('not a display batch');
  }
  const count = view.getUint32(4, true);
  if (8 + count * ENTRY > buffer.byteLength) throw new Error('display batch cut off');
  const out = new Map<number, ReadDisplay>();
  for (let i = 0; i < count; i++) {
    const id = view.getFloat64(8 + i * ENTRY, true);
    const offset = view.getUint32(16 + i * ENTRY, true);
    const length = view.getUint32(20 + i * ENTRY, true);
    const read = readDisplay(buffer, offset, length);
    if (read && read.piece.skeletonId === id) out.set(id, read);
  }
  return out;
}
