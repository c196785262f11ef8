/**
 * "Has the GPU finished what was submitted so far?" without blocking: a WebGL2 fence polled with
 * getSyncParameter (answered from a cached status, never a round trip). With software GL a frame
 * of millions of segments takes the GPU process a second or more; waiting for it with readPixels
 * or queueing uploads behind it blocks the main thread for that long.
 */
export class GpuFence {
  private sync: WebGLSync | null = null;

  constructor(private readonly gl: WebGL2RenderingContext) {}

  /** Marks the end of the commands issued so far. */
  arm(): void {
    this.clear();
    this.sync = this.gl.fenceSync(this.gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    // Without a flush the fence may sit in the command buffer and never signal.
    this.gl.flush();
  }

  /** True while the commands before the last `arm` are still running. */
  busy(): boolean {
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

/** The WebGL2 context of a renderer, or null (WebGL1, tests without GL). */
export function webgl2Of(gl: WebGLRenderingContext | WebGL2RenderingContext | undefined) {
  return gl && 'fenceSync' in gl ? gl : null;
}
