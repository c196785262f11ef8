import { describe, expect, it } from 'vitest';
import { LineBasicMaterial } from 'three';
import { BlockSet } from '../geometry/block-set.ts';
import { buildSkeletonPiece } from '../geometry/skeleton-piece.ts';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { SceneModel } from '../geometry/scene-model.ts';
import { BlockLayer } from './block-layers.ts';
import { UPLOAD_ROUND_VERTICES } from './block-level.ts';
import { mapHit } from './picking.ts';

/**
 * Just enough of WebGL2 for StreamedBuffer: records the bytes sent from each CPU array and the
 * GPU bytes allocated.
 */
function fakeGl() {
  let next = 1;
  const sent = new Map<ArrayBufferView, number>();
  let allocated = 0;
  const gl = {
    ARRAY_BUFFER: 1,
    ELEMENT_ARRAY_BUFFER: 2,
    COPY_WRITE_BUFFER: 3,
    FLOAT: 10,
    UNSIGNED_SHORT: 11,
    UNSIGNED_INT: 12,
    STATIC_DRAW: 20,
    createBuffer: () => next++,
    bindVertexArray: () => undefined,
    bindBuffer: () => undefined,
    bufferData: (_t: number, size: number) => {
      allocated += size;
    },
    bufferSubData: (
      _t: number,
      _o: number,
      src: ArrayBufferView & { BYTES_PER_ELEMENT: number },
      _s: number,
      n: number,
    ) => sent.set(src, (sent.get(src) ?? 0) + n * src.BYTES_PER_ELEMENT),
    deleteBuffer: () => undefined,
  };
  const total = () => [...sent.values()].reduce((a, b) => a + b, 0);
  return {
    gl: gl as unknown as WebGL2RenderingContext,
    sent,
    total,
    allocated: () => allocated,
  };
}

/** One block with 6 vertices: full, decimated and coarse (vertices 0 and 5 kept) pairs. */
function scene() {
  const set = new BlockSet(4, 64, true);
  set.append(
    {
      positions: new Float32Array(6 * 3),
      info: new Uint16Array(6 * 4),
      indices: Uint32Array.from([1, 0, 2, 1, 3, 2, 4, 3, 5, 4]),
      lodIndices: Uint32Array.from([3, 0, 5, 3]),
      coarse: {
        source: Uint32Array.from([0, 5]),
        positions: new Float32Array(2 * 3),
        info: new Uint16Array(2 * 4),
        indices: Uint32Array.from([1, 0]),
      },
    },
    0,
  );
  return set;
}

const noop = () => undefined;

describe('BlockLayer uploads', () => {
  it('at coarse detail sends the compact buffers and nothing else', () => {
    const { gl, sent, total, allocated } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('coarse');
    const set = scene();
    const b = set.blocks[0];
    if (!b?.coarsePositions || !b.coarseInfo || !b.coarseIndices) throw new Error('no block');
    // Compact: 2 × 12 B positions + 2 × 8 B info + one pair (8 B) = 48 B.
    const first = layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    expect(first).toEqual({ changed: true, pending: false, background: false });
    expect(layer.drawnCount()).toBe(1); // the one coarse segment
    expect(sent.get(b.coarsePositions)).toBe(24);
    expect(sent.get(b.coarseInfo)).toBe(16);
    expect(sent.get(b.coarseIndices)).toBe(8);
    expect(total()).toBe(48);
    // The full vertex buffers are not even allocated on the GPU.
    const compactCapacity = b.coarsePositions.byteLength + b.coarseInfo.byteLength;
    expect(allocated()).toBe(compactCapacity + b.coarseIndices.byteLength);
    // Nothing more to do: no background upload of the other levels.
    expect(layer.sync(gl, set, { bytes: 1 << 20 }, noop)).toEqual({
      changed: false,
      pending: false,
      background: false,
    });
    expect(total()).toBe(48);
  });

  it('uploads the full buffers when full detail is first chosen, the coarse level shown meanwhile', () => {
    const { gl, sent, total } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('coarse');
    const set = scene();
    const b = set.blocks[0];
    if (!b?.indices || !b.lodIndices) throw new Error('no block');
    layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    layer.setDetail('full');
    // Not on the GPU yet: the complete coarse level stays on screen.
    expect(layer.detailShown).toBe('coarse');
    expect(layer.drawnCount()).toBe(1);
    // Full: 6 × 12 B positions + 6 × 8 B info = 120 B, then 5 pairs (40 B); 100 B this frame.
    const slice = layer.sync(gl, set, { bytes: 100 }, noop);
    expect(slice).toEqual({ changed: false, pending: false, background: true });
    expect(layer.detailShown).toBe('coarse');
    expect(layer.drawnCount()).toBe(1);
    const rest = layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    expect(rest).toEqual({ changed: true, pending: false, background: false });
    expect(layer.detailShown).toBe('full');
    expect(layer.drawnCount()).toBe(5);
    expect(sent.get(b.positions)).toBe(72);
    expect(sent.get(b.info)).toBe(48);
    expect(sent.get(b.indices)).toBe(40);
    expect(sent.get(b.lodIndices)).toBeUndefined();
    expect(total()).toBe(48 + 160);
    // The decimated level then needs only its pairs (the vertices are shared with full).
    layer.setDetail('lod');
    layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    expect(sent.get(b.lodIndices)).toBe(16);
    expect(total()).toBe(48 + 160 + 16);
    expect(layer.drawnCount()).toBe(2);
    // Back to coarse: already on the GPU, shown at once, nothing sent again.
    layer.setDetail('coarse');
    expect(layer.drawnCount()).toBe(1);
    layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    expect(total()).toBe(48 + 160 + 16);
  });

  it('sends the full vertices of a display-first piece again once they are filled in', () => {
    const { gl, sent } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    const set = new BlockSet(4, 64, true);
    const coarse = {
      source: Uint32Array.from([0, 5]),
      positions: new Float32Array(2 * 3),
      info: new Uint16Array(2 * 4),
      indices: Uint32Array.from([1, 0]),
    };
    // Reserved only (display first), then full detail chosen: zeros go up, nothing is drawn.
    const reserved = set.reserve(6, coarse, 0);
    layer.setDetail('full');
    layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    const b = set.blocks[0];
    if (!b) throw new Error('no block');
    expect(sent.get(b.positions)).toBe(72);
    expect(layer.drawnCount()).toBe(0);
    // Filled in: the same vertices are sent again (the upload prefix had passed them), and the
    // pairs are drawn.
    const positions = Float32Array.from({ length: 18 }, (_, i) => i + 1);
    set.fill(
      reserved,
      {
        positions,
        info: new Uint16Array(6 * 4),
        indices: Uint32Array.from([1, 0, 2, 1, 3, 2, 4, 3, 5, 4]),
        lodIndices: Uint32Array.from([3, 0, 5, 3]),
      },
      0,
    );
    expect(b.positions.subarray(0, 18)).toEqual(positions);
    const after = layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    expect(after.changed).toBe(true);
    expect(sent.get(b.positions)).toBe(144);
    expect(sent.get(b.info)).toBe(96);
    expect(layer.drawnCount()).toBe(5);
  });

  it('draws the chosen level progressively when the previous one lacks new neurons', () => {
    const { gl } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('coarse');
    const set = scene();
    layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    layer.setDetail('full');
    // A second skeleton arrives: the coarse level on the GPU no longer shows everything.
    set.append(
      {
        positions: new Float32Array(2 * 3),
        info: new Uint16Array(2 * 4),
        indices: Uint32Array.from([1, 0]),
        coarse: {
          source: Uint32Array.from([0, 1]),
          positions: new Float32Array(2 * 3),
          info: new Uint16Array(2 * 4),
          indices: Uint32Array.from([1, 0]),
        },
      },
      1,
    );
    const r = layer.sync(gl, set, { bytes: 100 }, noop);
    expect(r).toEqual({ changed: true, pending: true, background: false });
    expect(layer.detailShown).toBe('full');
  });

  it('uploads a level whole without a budget (exports)', () => {
    const { gl, total } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('coarse');
    const set = scene();
    layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    layer.setDetail('full');
    expect(layer.sync(gl, set, { bytes: Infinity }, noop)).toEqual({
      changed: true,
      pending: false,
      background: false,
    });
    expect(layer.drawnCount()).toBe(5);
    expect(total()).toBe(48 + 160);
  });

  it('reports the drawn level as pending while its vertices or pairs wait for budget', () => {
    const { gl } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('full');
    const r = layer.sync(gl, scene(), { bytes: 100 }, noop);
    expect(r.pending).toBe(true);
    expect(layer.drawnCount()).toBe(0);
  });

  it('allocates a block’s buffers only once its upload starts, not all at the first slice', () => {
    const { gl, allocated } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('full');
    // Three blocks of one 6-vertex chain each (a block holds 8 vertices).
    const set = new BlockSet(4, 8, true);
    const chain = Uint32Array.from([1, 0, 2, 1, 3, 2, 4, 3, 5, 4]);
    for (let slot = 0; slot < 3; slot++)
      set.append(
        { positions: new Float32Array(18), info: new Uint16Array(24), indices: chain },
        slot,
      );
    expect(set.blocks).toHaveLength(3);
    const capacity = (i: number) => {
      const b = set.blocks[i];
      if (!b?.indices) throw new Error('no block');
      return b.positions.byteLength + b.info.byteLength + b.indices.byteLength;
    };
    // A first slice that does not even finish the first block: only its buffers exist.
    const first = layer.sync(gl, set, { bytes: 100 }, noop);
    expect(first.pending).toBe(true);
    expect(allocated()).toBe(capacity(0));
    // The rest: the other blocks are created as their upload starts, and all is drawn.
    const rest = layer.sync(gl, set, { bytes: Infinity }, noop);
    expect(rest.pending).toBe(false);
    expect(allocated()).toBe(capacity(0) + capacity(1) + capacity(2));
    expect(layer.drawnCount()).toBe(15);
  });

  it('draws part of a block at once when a slice holds only some of its vertices', () => {
    const { gl, sent } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('full');
    // One chain of three rounds' vertices: segment i joins vertices i + 1 and i.
    const n = 3 * UPLOAD_ROUND_VERTICES;
    const set = new BlockSet(4, n, true);
    set.append(
      {
        positions: new Float32Array(n * 3),
        info: new Uint16Array(n * 4),
        indices: Uint32Array.from({ length: 2 * (n - 1) }, (_, k) => (k >> 1) + 1 - (k & 1)),
      },
      0,
    );
    const b = set.blocks[0];
    if (!b?.indices) throw new Error('no block');
    // Room for one round: its 12 B positions and 8 B info, and its pairs (8 B each).
    const round = UPLOAD_ROUND_VERTICES * (12 + 8 + 8);
    const first = layer.sync(gl, set, { bytes: round }, noop);
    expect(first.pending).toBe(true);
    // Every segment whose two vertices are up, and no index of a vertex not yet sent.
    expect(layer.drawnCount()).toBe(UPLOAD_ROUND_VERTICES - 1);
    expect(sent.get(b.positions)).toBe(UPLOAD_ROUND_VERTICES * 12);
    expect(sent.get(b.indices)).toBe((UPLOAD_ROUND_VERTICES - 1) * 8);
    const rest = layer.sync(gl, set, { bytes: Infinity }, noop);
    expect(rest.pending).toBe(false);
    expect(layer.drawnCount()).toBe(n - 1);
  });

  it('resends rewritten codes to the compact copy, and to the full one once it exists', () => {
    const { gl, sent } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('coarse');
    const set = scene();
    const b = set.blocks[0];
    if (!b?.coarseInfo) throw new Error('no block');
    layer.sync(gl, set, { bytes: 1 << 20 }, noop);
    set.setInfoComponent(
      {
        blockId: 0,
        vertexStart: 0,
        vertexCount: 6,
        indexStart: 0,
        indexCount: 10,
        coarseVertexStart: 0,
        coarseVertexCount: 2,
      },
      3,
      [1, 2, 3, 4, 5, 6],
    );
    expect(layer.sync(gl, set, { bytes: 0 }, noop).changed).toBe(true);
    expect(sent.get(b.coarseInfo)).toBe(16 + 16);
    expect(sent.get(b.info)).toBeUndefined();
  });
});

describe('picking the coarse level', () => {
  it('maps a compact vertex to the block vertex of the same node', () => {
    const { gl } = fakeGl();
    // Two skeletons: a 40-node chain and a 30-node chain, both decimated (stride 16).
    const chain = (first: number, n: number) =>
      Array.from({ length: n }, (_, i) => [
        first + i,
        i === 0 ? null : first + i - 1,
        3,
        first + i,
        0,
        0,
        -1,
        5,
      ]);
    const model = new SceneModel();
    for (const [skid, first, n] of [
      [1, 1, 40],
      [2, 1000, 30],
    ] as const) {
      const d = decodeCompactDetail([chain(first, n), [], {}, [], []], skid);
      model.add(d, buildSkeletonPiece(d));
    }
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('coarse');
    layer.sync(gl, model.lines, { bytes: 1 << 20 }, noop);
    const [target] = layer.pickTargets();
    if (!target?.vertexMap) throw new Error('the coarse object has no vertex map');
    const maps = new Map([[target.blockId, target.vertexMap]]);
    const block = model.lines.blocks[0];
    // Every compact vertex picks the node at the same position.
    const compact = block?.coarseVertexCount ?? 0;
    expect(compact).toBeGreaterThan(4);
    expect(compact).toBeLessThan(20);
    for (let c = 0; c < compact; c++) {
      const hit = mapHit({ blockId: 0, vertex: c }, maps);
      if (!hit) throw new Error(`no hit for compact vertex ${c}`);
      const found = model.pick(hit.blockId, hit.vertex);
      if (!found) throw new Error(`no node for compact vertex ${c}`);
      const x = found.record.detail.positions[found.nodeIndex * 3];
      expect(x).toBe(block?.coarsePositions?.[c * 3]);
    }
    // The second skeleton's last node (its leaf) is picked as itself.
    const last = mapHit({ blockId: 0, vertex: compact - 1 }, maps);
    const leaf = last && model.pick(last.blockId, last.vertex);
    expect(leaf?.record.skeletonId).toBe(2);
    expect(leaf && leaf.record.detail.nodeIds[leaf.nodeIndex]).toBe(1029);
    // Full detail draws the block's own vertices: no map.
    layer.setDetail('full');
    layer.sync(gl, model.lines, { bytes: 1 << 20 }, noop);
    expect(layer.pickTargets()[0]?.vertexMap).toBeNull();
    expect(mapHit({ blockId: 0, vertex: 7 }, new Map([[0, null]]))).toEqual({
      blockId: 0,
      vertex: 7,
    });
    expect(mapHit({ blockId: 1, vertex: 7 }, new Map([[0, null]]))).toBeNull();
  });
});
