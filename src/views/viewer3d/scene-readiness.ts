/**
 * The "scene ready" signal for tests and the bench, written straight onto the viewer region's
 * data attributes from the render loop (no React state in the loop):
 *   data-scene-ready   "true" once every wanted neuron is loaded or failed and a frame with all
 *                      of them has been drawn (and finished on the GPU)
 *   data-ready-at      performance.now() of that frame, also
 *                      `performance.mark('catmaid:scene-ready')` (where the bench's traced
 *                      reopen ends)
 *   data-settled-at    performance.now() when the last wanted neuron had arrived (or failed)
 *   data-queued-at-settle  neurons arrived but not yet in the scene model at that moment
 *   data-neuron-count, data-node-count, data-failed-count, data-draw-calls, data-frame,
 *   data-colour-mode, data-show-pre, data-show-post, data-volume-count, data-detail (full |
 *   lod | coarse: decimated skeletons for big and huge scenes), data-segments   what the last
 *   frame drew
 *   data-timed-neurons  neurons whose node creation times are in the drawn vertices
 *   data-compartment-neurons  neurons whose axon/dendrite split is in the drawn vertices (split
 *                      only in the compartment colour mode; a frame drawn while splits are
 *                      still pending is not complete, so the scene is not ready meanwhile)
 *   data-added-frames  frames drawn over the last one, adding only what arrived (frames that
 *                      add, ../../3d/scene/frame-accumulation.ts); data-frame-added  whether
 *                      the frame on screen was one of them
 *   data-first-neurons-at  performance.now() of the first frame with skeleton geometry in it,
 *                      also `performance.mark('catmaid:first-neurons-drawn')` (read by the bench)
 *   data-full-pending  display first: neurons drawn from their display form whose full data
 *                      (picking, per-node colours, finer levels, exports) is still to come
 *   data-full-ready    "true" once the scene is ready and every neuron's full data is in the
 *                      scene model; data-full-ready-at  performance.now() of that moment
 *
 * Display first, the full data is asked (`onNeedFull`) once the scene is ready, or at once when
 * the level on screen is finer than coarse (the display forms alone cannot complete it).
 */
import type { FrameInfo } from '../../3d/scene/frame-loop.ts';
import { GpuFence, webgl2Of } from '../../3d/scene/gpu-fence.ts';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import type { ViewerHandle } from '../../3d/scene/viewer-handle.ts';
import type { LoadSummary } from './load-tracker.ts';
import type { ViewOptions } from './view-options.ts';

/** The first frame that shows skeleton geometry (time to the first neurons on screen). */
const FIRST_NEURONS_MARK = 'catmaid:first-neurons-drawn';
const SCENE_READY_MARK = 'catmaid:scene-ready';

export class SceneReadiness {
  private el: HTMLElement | null = null;
  private summary: LoadSummary | null = null;
  private addedFrames = 0;
  private options: ViewOptions | null = null;
  private frames = 0;
  /** Fence after the frame that may be the ready one, polled every animation frame. */
  private fence: GpuFence | null = null;
  private poll = 0;
  private firstDrawn = false;
  private needFull: (() => void) | null = null;
  private ready: (() => void) | null = null;
  private fullPoll = 0;

  constructor(
    private readonly engine: ViewerEngine,
    private readonly handle: ViewerHandle,
  ) {}

  /** Called when the full data of displayed neurons should be fetched now. */
  onNeedFull(fn: (() => void) | null): void {
    this.needFull = fn;
  }

  /** Called each time the scene becomes ready (complete and finished on the GPU). */
  onReady(fn: (() => void) | null): void {
    this.ready = fn;
  }

  /** Callback ref for the viewer region. */
  attach = (el: HTMLElement | null): void => {
    this.el = el;
  };

  update(summary: LoadSummary, options: ViewOptions): void {
    this.summary = summary;
    this.options = options;
    this.engine.loading = !summary.settled;
    this.engine.loadFraction =
      summary.requested > 0 ? (summary.loaded + summary.failed.length) / summary.requested : 1;
    // The scene's final size, from the neurons in so far (auto detail decides by it).
    const coming = summary.requested - summary.failed.length;
    this.engine.expectedNodes = summary.loaded > 0 ? (summary.nodes * coming) / summary.loaded : 0;
    this.engine.expectedNeurons = coming;
    // When the last neuron arrived: splits the bench's first-frame time into loading and drawing.
    if (this.el && summary.settled && this.el.dataset.sceneReady !== 'true') {
      this.el.dataset.settledAt = String(performance.now());
      // Neurons arrived but not yet copied into the scene then (the bench's drawing-side tail).
      this.el.dataset.queuedAtSettle = String(this.engine.queuedSkeletons);
    }
    if (this.el && !summary.settled) {
      this.el.dataset.sceneReady = 'false';
      this.cancel();
    }
    this.markFullReady();
    this.handle.invalidate();
  }

  /**
   * data-full-ready once the scene is ready, no full data is pending and the scene model has
   * taken all of it (arrived skeletons are copied in between frames: polled until then).
   */
  private markFullReady(): void {
    cancelAnimationFrame(this.fullPoll);
    const d = this.el?.dataset;
    const s = this.summary;
    if (!d || !s) return;
    d.fullPending = String(s.fullPending);
    if (d.sceneReady !== 'true' || s.fullPending > 0) {
      d.fullReady = 'false';
      return;
    }
    if (d.fullReady === 'true') return;
    if (this.engine.displayOnly > 0) {
      this.fullPoll = requestAnimationFrame(() => this.markFullReady());
      return;
    }
    d.fullReadyAt = String(performance.now());
    d.fullReady = 'true';
  }

  frame = (info: FrameInfo): void => {
    const el = this.el;
    const s = this.summary;
    const o = this.options;
    if (!el || !s || !o) return;
    const d = el.dataset;
    d.frame = String(++this.frames);
    if (info.added) d.addedFrames = String(++this.addedFrames);
    d.frameAdded = String(info.added);
    d.drawCalls = String(info.drawCalls);
    d.colourMode = o.colourMode;
    d.showPre = String(o.showPre);
    d.showPost = String(o.showPost);
    d.volumeCount = String(this.engine.volumes.children.length);
    d.detail = this.engine.lines.detailShown;
    d.segments = String(this.engine.lines.drawnCount());
    d.neuronCount = String(s.loaded);
    d.nodeCount = String(s.nodes);
    d.failedCount = String(s.failed.length);
    d.timedNeurons = String(this.engine.creationTimes.writtenCount);
    d.reviewCodedNeurons = String(this.engine.reviewCodes.writtenCount);
    d.compartmentNeurons = String(this.engine.compartments.writtenCount);
    const { reviewed, known } = this.engine.reviewCodes.reviewedCounts;
    d.reviewedNodes = `${reviewed}/${known}`;
    if (!this.firstDrawn && info.drawCalls > 0 && this.engine.model.slotSkeleton.length > 0) {
      this.firstDrawn = true;
      performance.mark(FIRST_NEURONS_MARK);
      d.firstNeuronsAt = String(performance.now());
    }
    // A finer level than coarse cannot be complete from display forms: their full data now.
    // Only once all are in: while the first arrive, the scene looks small and auto detail fine.
    // The level of the whole scene, not of this frame: one drawn before the neurons arrived (a
    // reload's first, empty frame) may be shown after, and asked a lab scene's full data at once.
    const fine = this.engine.detailAt(s.nodes) !== 'coarse';
    if (s.settled && s.fullPending > 0 && fine) this.needFull?.();
    if (!info.complete && d.sceneReady === 'true') {
      // Drawn with work still pending (e.g. compartment splits after a mode switch).
      d.sceneReady = 'false';
      this.cancel();
    }
    if (s.settled && info.complete && d.sceneReady !== 'true') this.whenFinished(d);
  };

  /**
   * Marks the scene ready once the GPU has finished the frame just drawn: a fence polled each
   * animation frame (a blocking readPixels would stall the main thread for the whole frame).
   */
  private whenFinished(d: DOMStringMap): void {
    this.cancel();
    const gl = webgl2Of(this.handle.renderer?.getContext());
    const fence = gl ? new GpuFence(gl) : null;
    fence?.arm();
    this.fence = fence;
    const check = () => {
      if (fence?.busy()) {
        this.poll = requestAnimationFrame(check);
        return;
      }
      this.fence = null;
      d.readyAt = String(performance.now());
      performance.mark(SCENE_READY_MARK);
      d.sceneReady = 'true';
      this.ready?.();
      // The scene is on screen: now the full data of the neurons drawn from display forms.
      if (this.summary && this.summary.fullPending > 0) this.needFull?.();
      this.markFullReady();
    };
    check();
  }

  private cancel(): void {
    cancelAnimationFrame(this.poll);
    cancelAnimationFrame(this.fullPoll);
    this.fence?.clear();
    this.fence = null;
  }
}
