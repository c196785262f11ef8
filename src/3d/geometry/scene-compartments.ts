/**
 * Compartment codes (axon, dendrite, …: ./compartments.ts) of the scene's skeletons, written into
 * the high byte of the second line-vertex component only while the compartment colour mode is
 * on. Splitting a neuron costs several passes over its nodes (synapse flow centrality): a third of
 * a skeleton worker's time when every loaded neuron was split on arrival, for a mode few views
 * use. Here each skeleton is split once it is drawn and the mode asks, a few per frame within a
 * time budget, so no frame blocks; a skeleton whose record got a richer answer (its synapses,
 * geometry first) is split again.
 */
import { nodeCompartments } from './compartments.ts';
import type { SceneModel } from './scene-model.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';

const COMPARTMENT_COMPONENT = 1;

export class SceneCompartments {
  /** The detail each skeleton's codes were written from. */
  private readonly written = new Map<number, SkeletonDetail>();

  /** Skeletons whose codes are in the vertices (a ready signal for tests). */
  get writtenCount(): number {
    return this.written.size;
  }

  /**
   * Writes codes for drawn skeletons that lack them, until `budgetMs` has passed (at least one
   * per call). `pending`: some are still to do.
   */
  apply(
    model: SceneModel,
    budgetMs: number,
    now: () => number,
  ): { changed: boolean; pending: boolean } {
    const t0 = now();
    let changed = false;
    for (const r of model.records) {
      if (this.written.get(r.skeletonId) === r.detail) continue;
      if (changed && now() - t0 >= budgetMs) return { changed, pending: true };
      const codes = nodeCompartments(r.detail);
      const n = r.lines.vertexCount;
      const packed = new Uint16Array(n);
      for (let i = 0; i < n; i++)
        packed[i] = Math.min(r.strahler[i] ?? 1, 255) | ((codes[i] ?? 0) << 8);
      model.lines.setInfoComponent(r.lines, COMPARTMENT_COMPONENT, packed);
      this.written.set(r.skeletonId, r.detail);
      changed = true;
    }
    return { changed, pending: false };
  }
}
