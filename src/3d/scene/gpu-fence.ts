/**
 * "Has the GPU finished what was submitted so far?" without blocking: a WebGL2 fence polled with
 * getSyncParameter (answered from a cached status, never a round trip). With software GL a frame
 * of millions of segments takes the GPU process a second or more; waiting for it with readPixels
 * or queueing uploads behind it blocks the main thread for that long.
 */
/** Contexts whose GPU work is reserved (see reserveGpu), with the number of holders. */
const reserved = new WeakMap<WebGL2RenderingContext, number>();

/**
 * Reserves the context's GPU for a sequence of steps that must not have other work queued
 * between them (the shader warm-up): every GpuFence of the context reads as busy until the
 * returned release is called, so the frame loop, the readiness check and picking wait (they
 * poll fences every animation frame and never block). Anything they queued in between would
 * make the page's next read-back of the canvas wait for the reserved work.
 */
export function reserveGpu(gl: WebGL2RenderingContext): () => void {
  reserved.set(gl, (reserved.get(gl) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (reserved.get(gl) ?? 1) - 1;
    if (n > 0) reserved.set(gl, n);
    else reserved.delete(gl);
  };
}

export class GpuFence {
  private sync: WebGLSync | null = null;

  /** `owner`: the fence of the reservation's holder, which only its own commands keep busy. */
  constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly owner = false,
  ) {}

  /** Marks the end of the commands issued so far. */
  arm(): void {
    this.clear();
    this.sync = this.gl.fenceSync(this.gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    // Without a flush the fence may sit in the command buffer and never signal.
    this.gl.flush();
  }

  /** True while the commands before the last `arm` are still running. */
  busy(): boolean {
    if (!this.owner && reserved.has(this.gl)) return true;
    const s = this.sync;
    if (!s) return false;
    if (this.gl.getSyncParameter(s, this.gl.SYNC_STATUS) !== this.gl.SIGNALED) return true;
    this.clear();
    return false;
  }

  get armed(): boolean {
    return this.sync !== null;
  }

  clear(): void {
    if (this.sync) this.gl.deleteSync(this.sync);
    this.sync = null;
  }
}

/**
 * Resolves once the GPU has finished every command issued so far: a fence polled every
 * `later` tick (never a blocking wait); for the holder of a reservation. A lost context has nothing left to finish (and its
 * fence would never read as signalled).
 */
export function gpuIdle(
  gl: WebGL2RenderingContext,
  later: (cb: () => void) => void,
): Promise<void> {
  const fence = new GpuFence(gl, true);
  fence.arm();
  return new Promise((resolve) => {
    const check = () => {
      if (!gl.isContextLost() && fence.busy()) return later(check);
      fence.clear();
      resolve();
    };
    later(check);
  });
}

/** The WebGL2 context of a renderer, or null (WebGL1, tests without GL). */
export function webgl2Of(gl: WebGLRenderingContext | WebGL2RenderingContext | undefined) {
  return gl && 'fenceSync' in gl ? gl : null;
}
