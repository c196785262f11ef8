/**
 * Review codes of the scene's skeletons (see review-codes.ts), written into the 4th line-vertex
 * component while the review colour mode is on. Reviews arrive from their own request, only
 * when the mode is chosen; a changed whitelist rewrites every skeleton's codes.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { REVIEW_CODE, reviewCodes } from './review-codes.ts';
import type { SceneModel } from './scene-model.ts';
import { NODE_CODE_COMPONENT, type NodeCodeWriter } from './scene-node-codes.ts';

export class SceneReviewCodes implements NodeCodeWriter {
  private sources = new Map<number, SkeletonDetail>();
  private whitelist: ReadonlySet<number> | null = null;
  /** Codes in each drawn skeleton's node order, for the skeletons written so far. */
  private readonly written = new Map<number, Uint8Array>();
  private dirty = false;
  private recordCount = 0;
  /** Cached counts (read every frame by the ready signal), null after a write. */
  private counts: { reviewed: number; known: number } | null = null;

  /** Replaces the known reviews and the whitelist (written by the next `apply`). */
  set(sources: ReadonlyMap<number, SkeletonDetail>, whitelist: ReadonlySet<number> | null): void {
    const sameList =
      whitelist === this.whitelist ||
      (!!whitelist &&
        !!this.whitelist &&
        whitelist.size === this.whitelist.size &&
        [...whitelist].every((id) => this.whitelist?.has(id)));
    if (!sameList) this.written.clear();
    this.counts = null;
    this.whitelist = whitelist;
    this.sources = new Map(sources);
    this.dirty = true;
  }

  forget(): void {
    this.written.clear();
    this.counts = null;
    this.dirty = true;
  }

  /** Skeletons whose review codes are in the vertices (a ready signal for tests). */
  get writtenCount(): number {
    return this.written.size;
  }

  /** Nodes written as reviewed, and nodes written at all (reviewed or not). */
  get reviewedCounts(): { reviewed: number; known: number } {
    if (this.counts) return this.counts;
    let reviewed = 0;
    let known = 0;
    for (const codes of this.written.values()) {
      for (const c of codes) {
        if (c === REVIEW_CODE.reviewed) reviewed++;
        if (c !== REVIEW_CODE.unknown) known++;
      }
    }
    this.counts = { reviewed, known };
    return this.counts;
  }

  /** Codes of one drawn skeleton, in its node order (undefined until written). */
  codesOf(skeletonId: number): Uint8Array | undefined {
    return this.written.get(skeletonId);
  }

  apply(model: SceneModel): boolean {
    if (!this.dirty && model.records.length === this.recordCount) return false;
    this.dirty = false;
    this.recordCount = model.records.length;
    let changed = false;
    this.counts = null;
    for (const r of model.records) {
      const src = this.sources.get(r.skeletonId);
      const before = this.written.get(r.skeletonId);
      if (!src) {
        // Reviews dropped: back to "unknown".
        if (!before) continue;
        const zero = new Uint16Array(r.lines.vertexCount);
        model.lines.setInfoComponent(r.lines, NODE_CODE_COMPONENT, zero);
        this.written.delete(r.skeletonId);
        changed = true;
        continue;
      }
      if (before) continue;
      const codes = reviewCodes(r.detail.nodeIds, src, this.whitelist);
      model.lines.setInfoComponent(r.lines, NODE_CODE_COMPONENT, codes);
      this.written.set(r.skeletonId, codes);
      changed = true;
    }
    return changed;
  }
}
