/**
 * Node creation times of the scene's skeletons, written into the 4th line-vertex attribute
 * component as codes normalised to the loaded neurons' time range (see creation-time.ts). Kept
 * apart from the geometry load: times arrive later, from their own request, only when the
 * creation-time colour mode is chosen. A skeleton whose times arrive before its geometry is
 * written once the geometry is in the model; when the overall range widens, every skeleton is
 * rewritten (codes are relative to the range).
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { alignTimes, timeCode, timeRange } from './creation-time.ts';
import type { SceneModel } from './scene-model.ts';
import { NODE_CODE_COMPONENT as TIME_COMPONENT, type NodeCodeWriter } from './scene-node-codes.ts';

export class SceneCreationTimes implements NodeCodeWriter {
  /** History answers by skeleton id (node ids + creation times). */
  private sources = new Map<number, SkeletonDetail>();
  /** Times aligned to each drawn skeleton's node order. */
  private readonly aligned = new Map<number, Float64Array>();
  /** Skeleton id → range its codes were written with. */
  private readonly written = new Map<number, [number, number] | null>();
  range: [number, number] | null = null;
  /** Nothing to do until the times or the model's skeletons change (apply runs every frame). */
  private dirty = false;
  private recordCount = 0;

  /** Replaces the known times (written into the model by the next `apply`). */
  set(sources: ReadonlyMap<number, SkeletonDetail>): void {
    this.sources = new Map(sources);
    this.dirty = true;
    for (const id of [...this.aligned.keys()]) {
      if (!sources.has(id)) this.aligned.delete(id);
    }
  }

  /** The vertices were cleared (another mode's codes came and went): write everything again. */
  forget(): void {
    this.written.clear();
    this.dirty = true;
  }

  /** Skeletons whose time codes are in the vertices (a ready signal for tests). */
  get writtenCount(): number {
    return this.written.size;
  }

  /** Times of one drawn skeleton, in its node order (undefined until known). */
  timesOf(skeletonId: number): Float64Array | undefined {
    return this.aligned.get(skeletonId);
  }

  /** Writes codes for skeletons that need them; true when any vertex changed. */
  apply(model: SceneModel): boolean {
    if (!this.dirty && model.records.length === this.recordCount) return false;
    this.dirty = false;
    this.recordCount = model.records.length;
    for (const [id, src] of this.sources) {
      if (this.aligned.has(id) || !src.creationTimes) continue;
      const r = model.bySkeleton.get(id);
      if (!r) continue;
      this.aligned.set(id, alignTimes(r.detail.nodeIds, src.nodeIds, src.creationTimes));
    }
    const range = timeRange(this.aligned.values());
    const same = (a: [number, number] | null | undefined) =>
      a === range || (!!a && !!range && a[0] === range[0] && a[1] === range[1]);
    this.range = range;
    let changed = false;
    for (const r of model.records) {
      const times = this.aligned.get(r.skeletonId);
      const before = this.written.get(r.skeletonId);
      // Skeletons without times keep code 0 ("unknown"); clear codes whose times were dropped.
      if (!times) {
        if (before === undefined) continue;
        model.lines.setInfoComponent(r.lines, TIME_COMPONENT, new Uint16Array(r.lines.vertexCount));
        this.written.delete(r.skeletonId);
        changed = true;
        continue;
      }
      if (before !== undefined && same(before)) continue;
      const codes = new Uint16Array(r.lines.vertexCount);
      for (let i = 0; i < codes.length; i++) codes[i] = timeCode(times[i] ?? Number.NaN, range);
      model.lines.setInfoComponent(r.lines, TIME_COMPONENT, codes);
      this.written.set(r.skeletonId, range);
      changed = true;
    }
    return changed;
  }
}
