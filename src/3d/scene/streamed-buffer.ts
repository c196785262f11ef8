/**
 * A GL buffer that three.js draws from (GLBufferAttribute) and that we fill ourselves in
 * slices: allocated once at full size without copying anything, then the CPU array's written
 * prefix is sent with bufferSubData under a per-frame byte budget. A plain BufferAttribute would
 * upload the whole (mostly empty) block with one blocking bufferData when it first appears.
 */
import * as THREE from 'three';

type Source = Float32Array | Uint16Array | Uint32Array;

/** Bytes still allowed this frame; shared by all buffers and decremented as they upload. */
export interface UploadBudget {
  bytes: number;
}

function glType(gl: WebGL2RenderingContext, a: Source): number {
  if (a instanceof Float32Array) return gl.FLOAT;
  return a instanceof Uint16Array ? gl.UNSIGNED_SHORT : gl.UNSIGNED_INT;
}

function elementSize(a: Source): 2 | 4 {
  return a instanceof Uint16Array ? 2 : 4;
}

/**
 * The attribute as BufferGeometry's types want it. three.js draws GLBufferAttributes as vertex
 * attributes and as indices (WebGLAttributes.update), but its type declarations only admit them
 * through a geometry type that LineSegments / Points do not accept.
 */
export function asBufferAttribute(a: THREE.GLBufferAttribute): THREE.BufferAttribute {
  return a as unknown as THREE.BufferAttribute;
}

export class StreamedBuffer {
  readonly attribute: THREE.GLBufferAttribute;
  /** Elements (array entries, not items) already on the GPU: a prefix of `source`. */
  uploaded = 0;
  private readonly buffer: WebGLBuffer;

  /**
   * For an index buffer the caller must `renderer.resetState()` afterwards: binding it to
   * ELEMENT_ARRAY_BUFFER (required the first time) happens with no vertex array bound.
   */
  constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly source: Source,
    private readonly itemSize: number,
    index: boolean,
  ) {
    this.buffer = gl.createBuffer();
    const target = index ? gl.ELEMENT_ARRAY_BUFFER : gl.ARRAY_BUFFER;
    if (index) gl.bindVertexArray(null);
    gl.bindBuffer(target, this.buffer);
    gl.bufferData(target, source.byteLength, gl.STATIC_DRAW);
    gl.bindBuffer(target, null);
    this.attribute = new THREE.GLBufferAttribute(
      this.buffer,
      glType(gl, source),
      itemSize,
      elementSize(source),
      source.length / itemSize,
    );
  }

  /** Sends source[uploaded, end) within the budget; true when the prefix reaches `end`. */
  upload(end: number, budget: UploadBudget): boolean {
    const left = end - this.uploaded;
    if (left <= 0) return true;
    const bpe = this.source.BYTES_PER_ELEMENT;
    // No budget (exports): all of it (Infinity % itemSize would be NaN).
    const fits = Number.isFinite(budget.bytes) ? Math.floor(budget.bytes / bpe) : left;
    const n = Math.min(left, fits - (fits % this.itemSize));
    if (n <= 0) return false;
    const gl = this.gl;
    // COPY_WRITE_BUFFER works for vertex and index buffers alike and leaves three.js's
    // vertex array and buffer bindings alone.
    gl.bindBuffer(gl.COPY_WRITE_BUFFER, this.buffer);
    gl.bufferSubData(gl.COPY_WRITE_BUFFER, this.uploaded * bpe, this.source, this.uploaded, n);
    gl.bindBuffer(gl.COPY_WRITE_BUFFER, null);
    this.uploaded += n;
    budget.bytes -= n * bpe;
    return n === left;
  }

  /** Sends source[start, end) again (data changed in place), clipped to what was uploaded. */
  resend(start: number, end: number): void {
    const to = Math.min(end, this.uploaded);
    if (to <= start) return;
    const gl = this.gl;
    gl.bindBuffer(gl.COPY_WRITE_BUFFER, this.buffer);
    const bpe = this.source.BYTES_PER_ELEMENT;
    gl.bufferSubData(gl.COPY_WRITE_BUFFER, start * bpe, this.source, start, to - start);
    gl.bindBuffer(gl.COPY_WRITE_BUFFER, null);
  }

  dispose(): void {
    this.gl.deleteBuffer(this.buffer);
  }
}
