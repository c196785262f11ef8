import { describe, expect, it } from 'vitest';
import {
  ADDING_SHARE,
  ADDING_SPACING_MS,
  FIRST_UPLOAD_BYTES,
  FrameLoop,
  LAST_PROGRESS_FRACTION,
  MIN_PROGRESS_SPACING_MS,
  PROGRESS_COST_FACTOR,
  type FrameInfo,
} from './frame-loop.ts';

/** A fake GPU and clock: frames and timers run only when the test advances them. */
function harness() {
  const h = {
    time: 0,
    gpuBusy: false,
    warm: true,
    pending: false,
    background: false,
    changed: false,
    loading: { active: false, fraction: 1 },
    /** Arrived neurons waiting to be copied into the scene, one copied per drain task. */
    queued: 0,
    /** The next frame would only add to the last one. */
    adds: false,
    /** Nothing of the neurons is drawable yet; a sync of a change uploads some. */
    empty: false,
    budgets: [] as number[],
    drains: 0,
    draws: 0,
    presents: 0,
    frames: [] as FrameInfo[],
    log: [] as string[],
    rafs: [] as (() => void)[],
    timers: [] as { id: number; at: number; cb: () => void }[],
    nextTimer: 1,
  };
  const loop = new FrameLoop({
    now: () => h.time,
    fence: { arm: () => h.log.push('arm'), busy: () => h.gpuBusy },
    warm: () => h.warm,
    sync: (budget) => {
      h.log.push('sync');
      h.budgets.push(budget);
      if (h.changed) h.empty = false;
      const r = {
        changed: h.changed,
        pending: h.pending,
        background: h.background,
        queued: h.queued > 0,
      };
      h.changed = false;
      return r;
    },
    drain: () => {
      h.drains++;
      if (h.queued > 0) h.changed = true;
      h.queued = Math.max(0, h.queued - 1);
      return h.queued > 0;
    },
    loading: () => h.loading,
    empty: () => h.empty,
    draw: () => {
      h.draws++;
      h.log.push('draw');
      return { drawCalls: 7, added: h.adds };
    },
    adds: () => h.adds,
    present: () => {
      h.presents++;
      h.log.push('present');
    },
    onFrame: (info) => h.frames.push(info),
    requestAnimationFrame: (cb) => h.rafs.push(cb),
    cancelAnimationFrame: () => undefined,
    setTimeout: (cb, ms) => {
      const id = h.nextTimer++;
      h.timers.push({ id, at: h.time + ms, cb });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: (id) => {
      h.timers = h.timers.filter((t) => t.id !== (id as unknown as number));
    },
  });
  /** Runs the next animation frame, `ms` later. */
  const frame = (ms = 16) => {
    h.time += ms;
    const list = h.rafs;
    h.rafs = [];
    for (const cb of list) cb();
  };
  const runTimers = () => {
    const due = h.timers.filter((t) => t.at <= h.time);
    h.timers = h.timers.filter((t) => t.at > h.time);
    for (const t of due) t.cb();
  };
  return { h, loop, frame, runTimers };
}

describe('FrameLoop', () => {
  it('draws off screen, and shows the frame only after the GPU has finished it', () => {
    const { h, loop, frame } = harness();
    loop.request();
    expect(h.log).toEqual(['sync', 'draw', 'arm']);
    h.gpuBusy = true;
    frame();
    frame();
    expect(h.presents).toBe(0);
    h.gpuBusy = false;
    frame();
    expect(h.presents).toBe(1);
    expect(h.frames).toEqual([{ drawCalls: 7, complete: true, added: false }]);
  });

  it('draws nothing before the shader warm-up has run, but keeps moving arrivals into the scene', () => {
    const { h, loop, frame, runTimers } = harness();
    h.warm = false;
    h.loading = { active: true, fraction: 0.1 };
    h.queued = 2;
    loop.request();
    frame();
    runTimers();
    frame();
    runTimers();
    expect(h.draws).toBe(0);
    expect(h.log).toEqual([]);
    expect(h.drains).toBe(2);
    h.warm = true;
    frame();
    expect(h.log).toEqual(['sync', 'draw', 'arm']);
  });

  it('waits for the warm-up without spending animation frames when nothing arrives', () => {
    const { h, loop, frame } = harness();
    h.warm = false;
    loop.request();
    expect(h.rafs).toEqual([]);
    frame();
    h.warm = true;
    loop.request(); // the warm-up's end invalidates the view
    expect(h.log).toEqual(['sync', 'draw', 'arm']);
  });

  it('issues no GL work in the task that presents (the page reads the canvas back after it)', () => {
    const { h, loop, frame } = harness();
    loop.request();
    h.gpuBusy = true;
    loop.request(); // a change while the frame is in flight
    h.gpuBusy = false;
    h.log = [];
    frame();
    expect(h.log).toEqual(['present']);
    loop.request(); // e.g. R3F's animation-frame callback, after ours in the same frame
    expect(h.log).toEqual(['present']);
    frame();
    expect(h.log).toEqual(['present', 'sync', 'draw', 'arm']);
  });

  it('uploads frame by frame while geometry is pending, and marks such frames incomplete', () => {
    const { h, loop, frame } = harness();
    h.pending = true;
    h.loading = { active: true, fraction: 0.1 };
    loop.request();
    expect(h.frames).toEqual([]);
    frame(); // present the first (incomplete) frame
    expect(h.frames).toEqual([{ drawCalls: 7, complete: false, added: false }]);
    h.log = [];
    frame();
    expect(h.log).toEqual(['sync', 'arm']); // upload only: a progress frame is not due yet
    h.pending = false;
    h.loading = { active: false, fraction: 1 };
    h.changed = true;
    frame();
    expect(h.draws).toBe(2);
    frame();
    expect(h.frames.at(-1)).toEqual({ drawCalls: 7, complete: true, added: false });
  });

  it('spaces progress frames by their cost, at least MIN_PROGRESS_SPACING_MS', () => {
    const { h, loop, frame, runTimers } = harness();
    h.loading = { active: true, fraction: 0.1 };
    loop.request();
    h.gpuBusy = true;
    frame(200); // the frame takes 200 ms on the GPU
    h.gpuBusy = false;
    frame(0);
    expect(h.presents).toBe(1);
    loop.request();
    frame(); // not yet: the next progress frame is due 4 × 200 ms after this one
    expect(h.draws).toBe(1);
    // The progress timer (a drain task, copying arrivals meanwhile, is due at once).
    expect(h.timers.filter((t) => t.at > h.time)).toHaveLength(1);
    h.time += PROGRESS_COST_FACTOR * 200;
    runTimers();
    expect(h.draws).toBe(2);
    frame(0); // a cheap frame: the minimum spacing applies
    const shownAt = h.time;
    loop.request();
    frame();
    expect(h.timers.map((t) => t.at - shownAt)).toEqual([MIN_PROGRESS_SPACING_MS]);
  });

  it('draws no progress frames once most neurons are in, then the complete one at once', () => {
    const { h, loop, frame } = harness();
    h.loading = { active: true, fraction: LAST_PROGRESS_FRACTION };
    loop.request();
    frame(10_000);
    expect(h.draws).toBe(0);
    expect(h.timers).toHaveLength(0);
    h.loading = { active: false, fraction: 1 };
    loop.request();
    expect(h.draws).toBe(1);
    frame();
    expect(h.frames).toEqual([{ drawCalls: 7, complete: true, added: false }]);
  });

  it('draws frames that only add what arrived every ADDING_SPACING_MS, sooner near the end', () => {
    const { h, loop, frame, runTimers } = harness();
    h.adds = true;
    h.loading = { active: true, fraction: 0.3 };
    loop.request();
    expect(h.draws).toBe(1);
    // An expensive frame (a whole redraw, 1 s): the next one, adding, does not wait 10 s.
    h.gpuBusy = true;
    frame(1000);
    h.gpuBusy = false;
    frame(0);
    expect(h.frames).toEqual([{ drawCalls: 7, complete: false, added: true }]);
    // The next progress frame waits its spacing.
    h.loading = { active: true, fraction: 0.35 };
    loop.request();
    frame();
    expect(h.draws).toBe(1);
    h.time += ADDING_SPACING_MS - 100;
    runTimers();
    expect(h.draws).toBe(1);
    h.time += 100;
    runTimers();
    expect(h.draws).toBe(2);
    // Past LAST_PROGRESS_FRACTION they come every MIN_PROGRESS_SPACING_MS, to the end (what is
    // not drawn when the last neuron arrives is drawn after it), even when little arrived.
    for (const [fraction, drawn] of [
      [LAST_PROGRESS_FRACTION + 0.01, 3],
      [LAST_PROGRESS_FRACTION + 0.03, 4],
    ] as const) {
      frame();
      const shownAt = h.time;
      h.loading = { active: true, fraction };
      loop.request();
      frame();
      expect(h.timers.map((t) => t.at - shownAt)).toEqual([MIN_PROGRESS_SPACING_MS]);
      h.time = shownAt + MIN_PROGRESS_SPACING_MS;
      runTimers();
      expect(h.draws).toBe(drawn);
    }
    // Frames that would redraw everything stop past the fraction.
    frame();
    h.adds = false;
    loop.request();
    h.time += 10_000;
    runTimers();
    frame();
    expect(h.draws).toBe(4);
  });

  it('draws an adding frame sooner once a big share of the neurons arrived since the last', () => {
    const { h, loop, frame, runTimers } = harness();
    h.adds = true;
    h.loading = { active: true, fraction: 0.2 };
    loop.request();
    expect(h.draws).toBe(1);
    frame();
    const shownAt = h.time;
    // A little more arrived: the usual spacing.
    h.loading = { active: true, fraction: 0.2 + ADDING_SHARE / 2 };
    loop.request();
    frame();
    expect(h.timers.map((t) => t.at - shownAt)).toEqual([ADDING_SPACING_MS]);
    // A big share arrived: the next adding frame once MIN_PROGRESS_SPACING_MS have passed.
    h.loading = { active: true, fraction: 0.2 + ADDING_SHARE };
    loop.request();
    frame();
    expect(h.timers.map((t) => t.at - shownAt)).toEqual([MIN_PROGRESS_SPACING_MS]);
    h.time = shownAt + MIN_PROGRESS_SPACING_MS;
    runTimers();
    expect(h.draws).toBe(2);
    // Measured from that frame: what arrived before it does not count again.
    frame();
    const second = h.time;
    h.loading = { active: true, fraction: 0.2 + ADDING_SHARE + 0.05 };
    loop.request();
    frame();
    expect(h.timers.map((t) => t.at - second)).toEqual([ADDING_SPACING_MS]);
    // A frame that would redraw everything keeps its own rationing.
    h.adds = false;
    h.loading = { active: true, fraction: 0.2 + 3 * ADDING_SHARE };
    loop.request();
    frame();
    expect(h.timers.every((t) => t.at - second >= MIN_PROGRESS_SPACING_MS)).toBe(true);
  });

  it('draws no adding frame between upload slices once every neuron is in', () => {
    const { h, loop, frame, runTimers } = harness();
    h.adds = true;
    h.pending = true;
    h.loading = { active: false, fraction: 1 };
    h.changed = true;
    loop.request(); // the first frame of the scene
    frame(0);
    const drawn = h.draws;
    for (let i = 0; i < 5; i++) {
      h.changed = true; // another slice went up
      h.time += ADDING_SPACING_MS;
      runTimers();
      frame();
    }
    expect(h.draws).toBe(drawn);
    h.pending = false; // the last slice is up: the complete frame
    h.changed = true;
    frame();
    expect(h.draws).toBe(drawn + 1);
  });

  it('does nothing after dispose', () => {
    const { h, loop, frame } = harness();
    loop.request();
    loop.dispose();
    frame();
    loop.request();
    expect(h.draws).toBe(1);
    expect(h.presents).toBe(0);
  });

  it('rests after the complete frame: nothing more is uploaded until something changes', () => {
    const { h, loop, frame } = harness();
    loop.request();
    frame(); // shows the complete frame
    expect(h.frames).toEqual([{ drawCalls: 7, complete: true, added: false }]);
    frame(); // one more look: nothing changed, nothing pending
    const syncs = h.log.filter((l) => l === 'sync').length;
    frame();
    frame();
    expect(h.log.filter((l) => l === 'sync').length).toBe(syncs);
    expect(h.rafs).toHaveLength(0);
  });

  it('a detail level shown for the first time uploads over several frames, then draws once', () => {
    const { h, loop, frame } = harness();
    loop.request();
    frame();
    // The Detail menu: the new level's buffers go up in slices, the last frame stays shown.
    h.pending = true;
    h.changed = true;
    loop.request();
    frame();
    frame();
    expect(h.draws).toBe(1);
    expect(h.log.filter((l) => l === 'arm').length).toBeGreaterThan(2);
    h.pending = false;
    frame();
    expect(h.draws).toBe(2);
    frame();
    expect(h.frames.at(-1)).toEqual({ drawCalls: 7, complete: true, added: false });
  });

  it('uploads a newly chosen detail level in the background, then draws it once', () => {
    const { h, loop, frame } = harness();
    loop.request();
    frame(); // the complete frame
    h.background = true;
    h.changed = true; // e.g. a colour code rewritten meanwhile: drawn with the previous level
    loop.request();
    frame(); // drawn
    frame(); // shown, complete although the chosen level is still uploading
    expect(h.frames).toEqual([
      { drawCalls: 7, complete: true, added: false },
      { drawCalls: 7, complete: true, added: false },
    ]);
    // The upload goes on, a slice per animation frame, without drawing.
    const syncs = h.log.filter((l) => l === 'sync').length;
    frame();
    frame();
    expect(h.log.filter((l) => l === 'sync').length).toBe(syncs + 2);
    expect(h.draws).toBe(2);
    // The level arrived and takes over: one more frame, complete; then the loop rests.
    h.background = false;
    h.changed = true;
    frame();
    expect(h.draws).toBe(3);
    frame();
    expect(h.frames.at(-1)).toEqual({ drawCalls: 7, complete: true, added: false });
    frame();
    frame();
    expect(h.draws).toBe(3);
    expect(h.rafs).toHaveLength(0);
  });

  it('copies queued neurons in tasks between animation frames, not one share per frame', () => {
    const { h, loop, frame, runTimers } = harness();
    h.loading = { active: true, fraction: 0.9 };
    h.queued = 3;
    loop.request();
    // Three tasks, each copying a share, run before the next animation frame comes.
    runTimers();
    runTimers();
    runTimers();
    expect(h.drains).toBe(3);
    expect(h.queued).toBe(0);
    runTimers();
    expect(h.drains).toBe(3); // nothing left: no more drain tasks
    // The next animation frame syncs what was copied.
    const syncs = h.log.filter((l) => l === 'sync').length;
    frame();
    expect(h.log.filter((l) => l === 'sync').length).toBe(syncs + 1);
  });

  it('keeps copying arrived neurons while the GPU is busy, without any GL work', () => {
    const { h, loop, frame, runTimers } = harness();
    h.loading = { active: true, fraction: 0.5 };
    h.queued = 2;
    h.gpuBusy = true; // e.g. reserved by the shader warm-up
    loop.request();
    runTimers();
    runTimers();
    frame();
    runTimers();
    expect(h.drains).toBeGreaterThanOrEqual(2);
    expect(h.queued).toBe(0);
    expect(h.log).toEqual([]);
    h.gpuBusy = false;
    frame();
    expect(h.log).toEqual(['sync', 'draw', 'arm']);
  });

  it('draws the first neurons with a small first slice, at once, whatever the share in', () => {
    // A reload: by the end of the warm-up every neuron is in, and much is left to upload.
    const { h, loop, frame } = harness();
    h.empty = true;
    h.loading = { active: false, fraction: 1 };
    h.pending = true;
    h.changed = true;
    loop.request();
    expect(h.budgets).toEqual([FIRST_UPLOAD_BYTES]);
    expect(h.log).toEqual(['sync', 'draw', 'arm']);
    frame(); // shown
    expect(h.frames).toEqual([{ drawCalls: 7, complete: false, added: false }]);
    // Then the rest goes up in full slices and is drawn once it is all up.
    h.changed = true;
    frame();
    expect(h.draws).toBe(1);
    h.changed = true;
    h.pending = false;
    frame();
    expect(h.budgets.slice(1).every((b) => b > FIRST_UPLOAD_BYTES)).toBe(true);
    expect(h.draws).toBe(2);
  });

  it('keeps to the usual rationing while nothing of the neurons could be uploaded yet', () => {
    const { h, loop } = harness();
    h.loading = { active: true, fraction: LAST_PROGRESS_FRACTION };
    h.pending = true;
    h.empty = true;
    loop.request(); // wanted, but nothing uploaded: no first-neurons frame
    expect(h.log).toEqual(['sync', 'arm']);
    expect(h.draws).toBe(0);
  });
});
