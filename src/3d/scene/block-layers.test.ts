import { describe, expect, it } from 'vitest';
import { LineBasicMaterial } from 'three';
import { BlockSet } from '../geometry/block-set.ts';
import { BlockLayer } from './block-layers.ts';

/** Just enough of WebGL2 for StreamedBuffer: records which buffer got how many bytes. */
function fakeGl() {
  let next = 1;
  const sizes = new Map<number, number>();
  const sent = new Map<number, number>();
  let bound = 0;
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
    bindBuffer: (_t: number, b: number | null) => {
      bound = b ?? 0;
    },
    bufferData: (_t: number, size: number) => sizes.set(bound, size),
    bufferSubData: (
      _t: number,
      _o: number,
      src: ArrayBufferView & { BYTES_PER_ELEMENT: number },
      _s: number,
      n: number,
    ) => sent.set(bound, (sent.get(bound) ?? 0) + n * src.BYTES_PER_ELEMENT),
    deleteBuffer: () => undefined,
  };
  return { gl: gl as unknown as WebGL2RenderingContext, sent };
}

/** One block with 6 vertices: full, decimated and coarse index pairs. */
function scene() {
  const set = new BlockSet(4, 64, true);
  set.append(
    {
      positions: new Float32Array(6 * 3),
      info: new Uint16Array(6 * 4),
      indices: Uint32Array.from([1, 0, 2, 1, 3, 2, 4, 3, 5, 4]),
      lodIndices: Uint32Array.from([3, 0, 5, 3]),
      coarseIndices: Uint32Array.from([5, 0]),
    },
    0,
  );
  return set;
}

describe('BlockLayer uploads', () => {
  it('sends the vertices and the drawn level first; other levels only in the background', () => {
    const { gl, sent } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('coarse');
    const set = scene();
    // Vertices: 6 × 12 B positions + 6 × 8 B info = 120 B; coarse pairs 8 B; full pairs 40 B.
    const first = layer.sync(gl, set, { bytes: 128 }, () => undefined);
    expect(first).toEqual({ changed: true, pending: false, background: true });
    expect(layer.drawnCount()).toBe(1); // the one coarse segment
    expect([...sent.values()].reduce((a, b) => a + b, 0)).toBe(128);
    const rest = layer.sync(gl, set, { bytes: 1 << 20 }, () => undefined);
    // The full and decimated pairs arrive without changing what is on screen.
    expect(rest).toEqual({ changed: false, pending: false, background: false });
    expect([...sent.values()].reduce((a, b) => a + b, 0)).toBe(128 + 40 + 16);
    layer.setDetail('full');
    expect(layer.drawnCount()).toBe(5);
  });

  it('reports the drawn level as pending while its vertices or pairs wait for budget', () => {
    const { gl } = fakeGl();
    const layer = new BlockLayer('lines', new LineBasicMaterial());
    layer.setDetail('full');
    const r = layer.sync(gl, scene(), { bytes: 100 }, () => undefined);
    expect(r.pending).toBe(true);
    expect(layer.drawnCount()).toBe(0);
  });
});
