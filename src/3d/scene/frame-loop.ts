/**
 * When to upload, draw and show frames. A frame is drawn off screen, fenced, and shown once the
 * GPU has finished it (see FramePresenter), so a slow software-GL frame never blocks the main
 * thread. Uploads go in slices under a per-frame byte budget and never queue behind a running
 * draw. While neurons stream in, drawing is rationed: the GPU spends at most about a fifth of
 * its time on progress frames, and none once most neurons are in (the complete frame is then
 * near, and a progress frame started just before it would delay it by a whole frame). Frames
 * that only add what arrived to the last one (frame-accumulation.ts) cost only that: they come
 * every ADDING_SPACING_MS to the end (every MIN_PROGRESS_SPACING_MS after a big share arrived,
 * ADDING_SHARE, and once most neurons are in), so the complete frame has little left to draw.
 * The first frame with neurons is drawn from a small first slice, whatever the share in.
 */

export interface FrameInfo {
  drawCalls: number;
  /** Everything loaded was uploaded and drawn in this frame. */
  complete: boolean;
  /** Drawn over the last frame, adding only what arrived since (frame-accumulation.ts). */
  added: boolean;
}

/** A frame queued by `draw`. */
export interface DrawnFrame {
  drawCalls: number;
  added: boolean;
}

export interface FrameLoopDeps {
  now(): number;
  /** GPU fence over the commands issued so far. */
  fence: { arm(): void; busy(): boolean };
  /**
   * False until the shader warm-up (shader-warmup.ts) has run: it draws its stand-ins into the
   * off-screen frame and clears it, so a frame drawn before it would be wiped from the canvas
   * and could not be added to. Arrived neurons still move into the scene meanwhile; the
   * warm-up's end requests the frame.
   */
  warm?(): boolean;
  /**
   * Sends new geometry within the byte budget (see ViewerEngine.sync). `queued`: arrived
   * neurons still wait to be copied into the scene.
   */
  sync(budgetBytes: number): {
    changed: boolean;
    pending: boolean;
    background?: boolean;
    queued?: boolean;
  };
  /**
   * Copies a few ms of arrived neurons into the scene without GL work; true while more wait.
   * Run between animation frames: copying only one frame's share per frame left the main
   * thread idle most of each frame while 500 neurons of a reload waited (about 1.9 s).
   */
  drain?(): boolean;
  /** Neurons still arriving, and the fraction already in. */
  loading(): { active: boolean; fraction: number };
  /**
   * Nothing of the neurons could be drawn yet (no segment nor point uploaded). The first frame
   * with neurons then goes out with the first slice uploaded, whatever the share of neurons in,
   * and that slice is small (FIRST_UPLOAD_BYTES), so the first neurons show after a short draw.
   */
  empty?(): boolean;
  /** Queues a frame off screen. */
  draw(): DrawnFrame;
  /**
   * The next frame would only add what arrived to the last one (frame-accumulation.ts): it
   * costs what arrived, not the whole scene, so progress frames go on to the end.
   */
  adds?(): boolean;
  /** Shows the last finished frame. */
  present(): void;
  onFrame(info: FrameInfo): void;
  requestAnimationFrame(cb: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(cb: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(handle: ReturnType<typeof setTimeout>): void;
}

/**
 * Geometry bytes sent to the GPU per animation frame (a few ms of copying on the main thread).
 * Each slice waits for the GPU to take the one before, so at 10 million nodes (~220 MB drawn)
 * a smaller slice leaves the complete frame waiting for dozens of upload frames.
 */
const UPLOAD_BYTES_PER_FRAME = 12 << 20;
/**
 * The first slice of a scene with nothing on screen yet: one upload round (block-level.ts), about
 * 32,000 segments. A reload has most neurons in by the end of the shader warm-up: its first frame
 * held all of them, or a full 12 MB slice (430,000 segments), and with software GL the first
 * neurons came 0.6-3 s after the warm-up instead of a short draw after it.
 */
export const FIRST_UPLOAD_BYTES = 1 << 20;
/** While streaming: at least this long between progress frames, and this many times their cost. */
export const MIN_PROGRESS_SPACING_MS = 300;
export const PROGRESS_COST_FACTOR = 10;
/**
 * Past this fraction of neurons loaded, no more progress frames that draw everything: the
 * complete one is next. Frames that only add what arrived go on, closer together (they make the
 * last one cheap).
 */
export const LAST_PROGRESS_FRACTION = 0.8;
/**
 * Between progress frames that only add what arrived. Each costs little GPU time, but a frame
 * also costs a copy to the canvas, a fence and the readiness signals, on the cores the data
 * path needs: every 300 ms, a cold lab-scale load drew 20-27 frames (10-13 at this spacing),
 * and the complete frame still has at most a second of arrivals to add.
 */
export const ADDING_SPACING_MS = 1000;
/**
 * Once this share of the neurons has arrived since the last frame, a frame that only adds them
 * comes after MIN_PROGRESS_SPACING_MS instead. A small scene arrives in a few big steps while
 * the server is the wait (100 neurons: five answers of 20), and each step drawn as it comes is
 * not drawn after the last one: the complete frame of a cold 100-neuron scene came 300-400 ms
 * after its last answer, adding almost the whole scene at once.
 */
export const ADDING_SHARE = 0.15;

interface InFlight extends DrawnFrame {
  start: number;
  complete: boolean;
}

export class FrameLoop {
  private wanted = false;
  private inFlight: InFlight | null = null;
  private nextProgressAt = 0;
  private shownAt = -Infinity;
  /** The fraction of neurons in when the last frame was drawn. */
  private fractionDrawn = 0;
  private raf: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** A frame was shown in this animation frame: no GL work until the next one. */
  private holding = false;
  private drainTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly d: FrameLoopDeps) {}

  /** The view changed: show a new frame as soon as allowed. */
  request(): void {
    this.wanted = true;
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    if (this.raf !== null) this.d.cancelAnimationFrame(this.raf);
    if (this.timer !== null) this.d.clearTimeout(this.timer);
    if (this.drainTimer !== null) this.d.clearTimeout(this.drainTimer);
  }

  private readonly pump = (): void => {
    if (this.disposed) return;
    const d = this.d;
    if (this.holding) return this.nextAnimationFrame();
    if (d.warm?.() === false) {
      // The warm-up's end requests a frame; while neurons arrive, they move into the scene.
      if (!d.loading().active) return;
      this.drainSoon();
      return this.nextAnimationFrame();
    }
    if (d.fence.busy()) {
      // Arrived neurons keep moving into the scene model (no GL work) while the GPU is busy:
      // for a reload, the shader warm-up reserves the GPU while hundreds of neurons arrive.
      if (d.loading().active) this.drainSoon();
      return this.nextAnimationFrame();
    }
    const now = d.now();
    if (this.inFlight) {
      this.show(this.inFlight, now);
      // The page reads the canvas back when it commits this frame, and that read waits for every
      // GL command issued before it: start the next upload or draw only in the next frame (also
      // not from another animation-frame callback, such as R3F's, later in this one).
      this.holding = true;
      return this.nextAnimationFrame();
    }
    const empty = d.empty?.() === true;
    const sync = d.sync(empty ? FIRST_UPLOAD_BYTES : UPLOAD_BYTES_PER_FRAME);
    const { changed, pending, background = false } = sync;
    if (sync.queued) this.drainSoon();
    if (changed) this.wanted = true;
    const load = d.loading();
    const streaming = pending || load.active;
    // The first neurons are drawn as soon as a slice of them is up (see `empty`).
    const firstNeurons = empty && d.empty?.() === false;
    if (this.wanted) {
      const wait = streaming && !firstNeurons ? this.progressWait(now, load) : 0;
      if (wait <= 0) {
        this.wanted = false;
        this.fractionDrawn = load.fraction;
        this.inFlight = { start: now, ...d.draw(), complete: !streaming };
        d.fence.arm();
        return this.nextAnimationFrame();
      }
      if (!pending && Number.isFinite(wait)) return this.later(wait);
    }
    if (pending || background) {
      // More to upload: after the GPU has taken this slice. A detail level uploading in the
      // background (the previous one still on screen) needs no frame: the last one drawn stays
      // complete, and the level's arrival is a change that draws one.
      d.fence.arm();
      this.nextAnimationFrame();
    }
  };

  private show(frame: InFlight, now: number): void {
    this.inFlight = null;
    this.d.present();
    this.shownAt = now;
    this.nextProgressAt =
      now + Math.max(MIN_PROGRESS_SPACING_MS, PROGRESS_COST_FACTOR * (now - frame.start));
    this.d.onFrame({ drawCalls: frame.drawCalls, complete: frame.complete, added: frame.added });
  }

  private progressWait(now: number, load: { active: boolean; fraction: number }): number {
    // A frame that only adds what arrived costs that, not the scene: its GPU time is owed by
    // the complete frame anyway, and drawn while neurons still arrive it is not spent after the
    // last one. Once all are in, what is left goes up and is drawn in one frame (drawing between
    // upload slices would only hold each slice behind a draw).
    if (load.active && this.d.adds?.()) {
      // (With a tolerance: 0.35 - 0.2 is a hair under 0.15 in floating point.)
      const big = load.fraction - this.fractionDrawn >= ADDING_SHARE - 1e-9;
      // Near the end, whatever is not drawn when the last neuron arrives is drawn after it.
      const soon = big || load.fraction >= LAST_PROGRESS_FRACTION;
      return this.shownAt + (soon ? MIN_PROGRESS_SPACING_MS : ADDING_SPACING_MS) - now;
    }
    if (load.fraction >= LAST_PROGRESS_FRACTION) return Infinity;
    return this.nextProgressAt - now;
  }

  /** Copies arrived neurons in tasks of their own until none wait; frames then sync them. */
  private drainSoon(): void {
    const drain = this.d.drain;
    if (!drain || this.drainTimer !== null || this.disposed) return;
    this.drainTimer = this.d.setTimeout(() => {
      this.drainTimer = null;
      if (this.disposed) return;
      if (drain()) this.drainSoon();
      this.nextAnimationFrame();
    }, 0);
  }

  private nextAnimationFrame(): void {
    if (this.raf !== null) return;
    this.raf = this.d.requestAnimationFrame(() => {
      this.raf = null;
      this.holding = false;
      this.pump();
    });
  }

  private later(ms: number): void {
    if (this.timer !== null) this.d.clearTimeout(this.timer);
    this.timer = this.d.setTimeout(() => {
      this.timer = null;
      this.pump();
    }, ms);
  }
}
