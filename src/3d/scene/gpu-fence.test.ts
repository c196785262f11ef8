import { describe, expect, it } from 'vitest';
import { GpuFence, gpuIdle, reserveGpu } from './gpu-fence.ts';

/** A WebGL2 stand-in with fences the test signals by hand. */
function fakeGl() {
  const SIGNALED = 0x9119;
  const UNSIGNALED = 0x9118;
  const state = { signalled: new Set<object>(), fences: [] as object[], lost: false };
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED,
    fenceSync: () => {
      const s = {};
      state.fences.push(s);
      return s;
    },
    flush: () => undefined,
    deleteSync: () => undefined,
    getSyncParameter: (s: object) => (state.signalled.has(s) ? SIGNALED : UNSIGNALED),
    isContextLost: () => state.lost,
    signalAll: () => state.fences.forEach((f) => state.signalled.add(f)),
  };
  return { gl: gl as unknown as WebGL2RenderingContext & { signalAll(): void }, state };
}

describe('reserveGpu', () => {
  it("makes the context's other fences busy until released, armed or not", () => {
    const { gl } = fakeGl();
    const frames = new GpuFence(gl);
    expect(frames.busy()).toBe(false);
    const release = reserveGpu(gl);
    expect(frames.busy()).toBe(true);
    frames.arm();
    gl.signalAll();
    expect(frames.busy()).toBe(true);
    release();
    expect(frames.busy()).toBe(false);
  });

  it('holds until every holder has released, and a second release of one holder is harmless', () => {
    const { gl } = fakeGl();
    const fence = new GpuFence(gl);
    const a = reserveGpu(gl);
    const b = reserveGpu(gl);
    a();
    a();
    expect(fence.busy()).toBe(true);
    b();
    expect(fence.busy()).toBe(false);
  });

  it('leaves other contexts alone', () => {
    const one = fakeGl();
    const other = fakeGl();
    const release = reserveGpu(one.gl);
    expect(new GpuFence(other.gl).busy()).toBe(false);
    release();
  });
});

describe('gpuIdle', () => {
  it("resolves once the GPU has finished, polling (the holder's own fence ignores the reservation)", async () => {
    const { gl } = fakeGl();
    const release = reserveGpu(gl);
    const ticks: (() => void)[] = [];
    let done = false;
    void gpuIdle(gl, (cb) => ticks.push(cb)).then(() => (done = true));
    ticks.shift()?.();
    await Promise.resolve();
    expect(done).toBe(false);
    expect(ticks).toHaveLength(1);
    gl.signalAll();
    ticks.shift()?.();
    await Promise.resolve();
    expect(done).toBe(true);
    release();
  });

  it('resolves when the context is lost (its fence never signals)', async () => {
    const { gl, state } = fakeGl();
    const ticks: (() => void)[] = [];
    let done = false;
    void gpuIdle(gl, (cb) => ticks.push(cb)).then(() => (done = true));
    state.lost = true;
    ticks.shift()?.();
    await Promise.resolve();
    expect(done).toBe(true);
  });
});
