/**
 * Frames that add to the last one. While neurons stream in, a progress frame used to draw the
 * whole scene so far, and the complete frame the whole scene again: with software GL that last
 * frame alone took 1–1.7 s at lab scale (1.1 million segments), after every byte was in. The
 * off-screen frame (FramePresenter) keeps its pixels between frames, so when nothing but
 * appended geometry changed since the last frame (same camera, size, colours, levels, nothing
 * rewritten in place), the next frame draws only the newly uploaded ranges into it, without
 * clearing. Depth testing makes the result the same as a full redraw for opaque drawing; the
 * frame is redrawn in full whenever anything is translucent, volumes or highlighted synapses are
 * shown (they must be drawn over the neurons), or anything else changed.
 */
import type * as THREE from 'three';
import type { Drawable } from './block-level.ts';

/** An object redrawn whole in a frame that adds, when its `version` changed (e.g. somata). */
export interface WholeObject {
  object: THREE.Object3D;
  version: number;
}

export interface AccumulationInput {
  /** Everything a frame depends on but appended geometry (camera, size, uniforms, levels…). */
  key: string;
  /** The block objects drawn now; each draws the prefix `drawRange` of its buffers. */
  drawables: readonly Drawable[];
  /** Opaque objects whose redraw changes no pixel unless they changed (depth test passes equal). */
  whole: readonly WholeObject[];
  /**
   * Bytes that may only grow at the end between frames that add (the colours of the neurons'
   * palette slots: a neuron that arrives takes a new slot, one recoloured changes its own).
   */
  growing: Uint8Array;
  /** False when adding is unsafe whatever changed (translucency, overlays drawn on top). */
  allowed: boolean;
  /** Moves whenever the kept pixels were replaced by anything else (FramePresenter.cleared). */
  target(): number;
}

export interface AccumulatedFrame {
  drawCalls: number;
  /** Drawn into the last frame (only what was added), not from scratch. */
  added: boolean;
}

export class FrameAccumulation {
  private key: string | null = null;
  private counts = new Map<Drawable, number>();
  private versions = new Map<THREE.Object3D, number>();
  private growing = new Uint8Array(0);
  private target = NaN;

  /** True when the next frame may draw only what was added (see the module comment). */
  canAdd(input: AccumulationInput): boolean {
    if (!input.allowed || this.key !== input.key || this.target !== input.target()) return false;
    const before = this.growing;
    if (input.growing.length < before.length) return false;
    for (let i = 0; i < before.length; i++) if (input.growing[i] !== before[i]) return false;
    const now = new Set(input.drawables);
    for (const d of this.counts.keys()) if (!now.has(d)) return false;
    return input.drawables.every(
      (d) =>
        d.geometry.drawRange.start === 0 && d.geometry.drawRange.count >= (this.counts.get(d) ?? 0),
    );
  }

  /**
   * Draws a frame through `render` (`clear`: from scratch): only the ranges added since the last
   * frame when `canAdd`, else everything.
   */
  draw(input: AccumulationInput, render: (clear: boolean) => number): AccumulatedFrame {
    if (!this.canAdd(input)) {
      const drawCalls = render(true);
      this.remember(input);
      return { drawCalls, added: false };
    }
    const ranges: [Drawable, number][] = [];
    const hidden: THREE.Object3D[] = [];
    const hide = (o: THREE.Object3D) => {
      if (!o.visible) return;
      o.visible = false;
      hidden.push(o);
    };
    for (const d of input.drawables) {
      const { count } = d.geometry.drawRange;
      const last = this.counts.get(d) ?? 0;
      if (count <= last) {
        hide(d);
        continue;
      }
      ranges.push([d, count]);
      d.geometry.setDrawRange(last, count - last);
    }
    for (const w of input.whole) if (this.versions.get(w.object) === w.version) hide(w.object);
    let drawCalls: number;
    try {
      drawCalls = render(false);
    } finally {
      for (const [d, count] of ranges) d.geometry.setDrawRange(0, count);
      for (const o of hidden) o.visible = true;
    }
    this.remember(input);
    return { drawCalls, added: true };
  }

  private remember(input: AccumulationInput): void {
    this.key = input.key;
    this.counts = new Map(input.drawables.map((d) => [d, d.geometry.drawRange.count]));
    this.versions = new Map(input.whole.map((w) => [w.object, w.version]));
    this.growing = input.growing.slice();
    this.target = input.target();
  }
}
