import { describe, expect, it } from 'vitest';
import type { SkeletonDetail } from '../api/skeleton-detail.ts';
import { packSkeleton, stampEdition } from './skeleton-pack.ts';
import { unpackSkeleton } from './skeleton-unpack.ts';
import type { StoredSkeleton } from './skeleton-pack-format.ts';

const KEY = 'skeleton3d:v2|https://catmaid.example|1|16|{"withConnectors":true}';

/** Every field of SkeletonDetail, optional ones included, with odd lengths (alignment). */
function fullDetail(): SkeletonDetail {
  return {
    skeletonId: 16,
    nodeCount: 3,
    nodeIds: Float64Array.from([2 ** 40 + 1, 7, 9]),
    parentIndex: Int32Array.from([-1, 0, 1]),
    creatorIds: Int32Array.from([3, 4, 5]),
    positions: Float32Array.from([1.5, 2, 3, 4, 5, 6, 7, 8, -9.25]),
    radii: Float32Array.from([-1, 20.5, 0]),
    confidences: Uint8Array.from([5, 1, 3]),
    creationTimes: Float64Array.from([1.7e12, 1.7e12 + 1, Number.NaN]),
    editionTimes: Float64Array.from([1.8e12, 1.8e12 + 2, 1.8e12 + 3]),
    rootIndex: 0,
    connectors: {
      nodeIndex: Int32Array.from([2, -1]),
      connectorIds: Float64Array.from([101, 102]),
      relations: Int8Array.from([0, -1]),
      positions: Float32Array.from([1, 2, 3, 4, 5, 6]),
      linkUserIds: Int32Array.from([8, 9]),
    },
    tags: new Map([
      ['soma', Int32Array.from([0])],
      ['ends', Int32Array.from([2, 1])],
      ['größe ✓', Int32Array.from([])],
    ]),
    somaIndex: 0,
    reviews: {
      nodeIndex: Int32Array.from([0, 1, 1]),
      reviewerIds: Int32Array.from([3, 3, 4]),
      reviewTimes: Float64Array.from([1.9e12, 1.9e12 + 5, 1.9e12 + 6]),
    },
    annotationIds: [11, 12],
  };
}

function minimalDetail(): SkeletonDetail {
  const d = fullDetail();
  delete d.creationTimes;
  delete d.editionTimes;
  delete d.connectors.linkUserIds;
  delete d.reviews.reviewTimes;
  d.tags = new Map();
  d.annotationIds = [];
  return d;
}

function emptyDetail(): SkeletonDetail {
  return {
    skeletonId: 5,
    nodeCount: 0,
    nodeIds: new Float64Array(0),
    parentIndex: new Int32Array(0),
    creatorIds: new Int32Array(0),
    positions: new Float32Array(0),
    radii: new Float32Array(0),
    confidences: new Uint8Array(0),
    rootIndex: -1,
    connectors: {
      nodeIndex: new Int32Array(0),
      connectorIds: new Float64Array(0),
      relations: new Int8Array(0),
      positions: new Float32Array(0),
    },
    tags: new Map(),
    somaIndex: -1,
    reviews: { nodeIndex: new Int32Array(0), reviewerIds: new Int32Array(0) },
    annotationIds: [],
  };
}

const fullPiece = () => ({
  strahler: Uint8Array.from([2, 1, 1]),
  lodEdges: Uint32Array.from([2, 0]),
  coarseEdges: Uint32Array.from([2, 0]),
});

function roundTrip(stored: StoredSkeleton): StoredSkeleton | undefined {
  return unpackSkeleton(packSkeleton(KEY, stored), KEY);
}

describe('packed skeleton copies', () => {
  it('round-trips every field, as views over the one read buffer', () => {
    const stored = { detail: fullDetail(), savedAt: 1234.5, editedAt: 99, piece: fullPiece() };
    const packed = packSkeleton(KEY, stored);
    const back = unpackSkeleton(packed, KEY);
    expect(back).toEqual(stored);
    expect([...(back?.detail.tags.keys() ?? [])]).toEqual(['soma', 'ends', 'größe ✓']);
    expect(back?.detail.positions.buffer).toBe(packed);
    expect(back?.detail.tags.get('ends')?.buffer).toBe(packed);
    expect(back?.piece?.lodEdges.buffer).toBe(packed);
    for (const a of [back?.detail.nodeIds, back?.detail.reviews.reviewTimes]) {
      expect((a?.byteOffset ?? 1) % 8).toBe(0);
    }
  });

  it('keeps absent optional arrays absent, and a copy without piece or edition time', () => {
    const stored: StoredSkeleton = { detail: minimalDetail(), savedAt: 7 };
    const back = roundTrip(stored);
    expect(back).toEqual(stored);
    expect(back && 'creationTimes' in back.detail).toBe(false);
    expect(back && 'linkUserIds' in back.detail.connectors).toBe(false);
    expect(back && 'reviewTimes' in back.detail.reviews).toBe(false);
    expect(back && 'editedAt' in back).toBe(false);
    expect(back && 'piece' in back).toBe(false);
  });

  it('round-trips an empty skeleton and a piece without the coarse level', () => {
    const empty: StoredSkeleton = { detail: emptyDetail(), savedAt: 1, editedAt: 2 };
    expect(roundTrip(empty)).toEqual(empty);
    const { strahler, lodEdges } = fullPiece();
    const older: StoredSkeleton = {
      detail: fullDetail(),
      savedAt: 1,
      piece: { strahler, lodEdges },
    };
    const back = roundTrip(older);
    expect(back).toEqual(older);
    expect(back?.piece && 'coarseEdges' in back.piece).toBe(false);
  });

  it('packs arrays that are views into bigger buffers (only their own bytes)', () => {
    const d = fullDetail();
    const big = new Float32Array(100).fill(42);
    big.set(d.positions, 5);
    d.positions = big.subarray(5, 5 + 9);
    const back = roundTrip({ detail: d, savedAt: 0 });
    expect(back?.detail.positions).toEqual(fullDetail().positions);
  });

  it('stamps the edition time into a packed copy', () => {
    const packed = packSkeleton(KEY, { detail: fullDetail(), savedAt: 3 });
    expect(unpackSkeleton(packed, KEY)?.editedAt).toBeUndefined();
    stampEdition(packed, 1.75e12);
    expect(unpackSkeleton(packed, KEY)?.editedAt).toBe(1.75e12);
    stampEdition(packed, undefined);
    expect(unpackSkeleton(packed, KEY)?.editedAt).toBeUndefined();
  });
});

describe('unusable packed copies are absent, never thrown or half-read', () => {
  const packed = () => packSkeleton(KEY, { detail: fullDetail(), savedAt: 1, piece: fullPiece() });

  /** Replaces text in the JSON header with text of the same length. */
  function editHeader(from: string, to: string): ArrayBuffer {
    const buffer = packed();
    const bytes = new Uint8Array(buffer);
    const text = new TextDecoder().decode(bytes.subarray(32, 32 + 4000));
    const at = new TextEncoder().encode(text.slice(0, text.indexOf(from))).length;
    expect(to.length).toBe(from.length);
    bytes.set(new TextEncoder().encode(to), 32 + at);
    return buffer;
  }

  it('another key (a hash collision, other flags or server)', () => {
    expect(unpackSkeleton(packed(), KEY.replace('|16|', '|17|'))).toBeUndefined();
    expect(unpackSkeleton(packed(), `${KEY} `)).toBeUndefined();
  });

  it('truncated anywhere, or with bytes appended', () => {
    const whole = packed();
    for (let cut = 0; cut < whole.byteLength; cut += 7) {
      expect(unpackSkeleton(whole.slice(0, cut), KEY), `cut at ${cut}`).toBeUndefined();
    }
    const longer = new Uint8Array(whole.byteLength + 8);
    longer.set(new Uint8Array(whole));
    expect(unpackSkeleton(longer.buffer, KEY)).toBeUndefined();
  });

  it('another format version, another magic, a garbled header', () => {
    const version = packed();
    new DataView(version).setUint32(4, 2, true);
    expect(unpackSkeleton(version, KEY)).toBeUndefined();
    const magic = packed();
    new DataView(magic).setUint8(0, 0);
    expect(unpackSkeleton(magic, KEY)).toBeUndefined();
    const garbled = packed();
    new Uint8Array(garbled)[33] = 0xff;
    expect(unpackSkeleton(garbled, KEY)).toBeUndefined();
  });

  it('a header whose arrays do not fit the skeleton', () => {
    expect(unpackSkeleton(editHeader('"nodeCount":3', '"nodeCount":2'), KEY)).toBeUndefined();
    expect(
      unpackSkeleton(editHeader('"positions","f32"', '"positions","f64"'), KEY),
    ).toBeUndefined();
    expect(unpackSkeleton(editHeader('"radii"', '"radiu"'), KEY)).toBeUndefined();
    expect(unpackSkeleton(editHeader('"p.strahler"', '"p.strahlex"'), KEY)).toBeUndefined();
    // An array pointing into the header itself.
    const packedOnce = packed();
    const text = new TextDecoder().decode(new Uint8Array(packedOnce).subarray(32));
    const at = /"nodeIds","f64",(\d+)/.exec(text)?.[1] ?? '';
    const into = String(40).padStart(at.length, ' ');
    expect(
      unpackSkeleton(editHeader(`"nodeIds","f64",${at}`, `"nodeIds","f64",${into}`), KEY),
    ).toBeUndefined();
  });

  it('values that are not packed copies (an older version stored objects)', () => {
    for (const old of [undefined, null, 'x', { detail: fullDetail(), savedAt: 1 }]) {
      expect(unpackSkeleton(old, KEY)).toBeUndefined();
    }
  });
});
