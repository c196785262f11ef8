/**
 * Skeletons that arrived but are not in the scene model yet. Copying them into the merged
 * buffers is cheap per node but a batch of 20 neurons is ~60k nodes, and on a busy 2-core machine
 * that copy alone made 100+ ms main-thread tasks; so arrivals queue here and the frame loop
 * moves them in a few milliseconds at a time.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import type { SceneModel } from './scene-model.ts';
import type { SkeletonPiece } from './skeleton-piece.ts';

export interface IncomingSkeleton {
  detail: SkeletonDetail;
  piece: SkeletonPiece;
}

export class IncomingSkeletons {
  private queue: IncomingSkeleton[] = [];
  private head = 0;
  private readonly ids = new Set<number>();
  /** Nodes of the queued skeletons (the scene's size once they are in). */
  nodeCount = 0;

  /** Queues an item unless it is already queued; false if it was. */
  push(item: IncomingSkeleton): boolean {
    const id = item.detail.skeletonId;
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    this.queue.push(item);
    this.nodeCount += item.detail.nodeCount;
    return true;
  }

  has(skeletonId: number): boolean {
    return this.ids.has(skeletonId);
  }

  get size(): number {
    return this.queue.length - this.head;
  }

  /**
   * Moves queued skeletons into `model` until `budgetMs` has passed (at least one each call,
   * so progress never stalls); returns how many moved.
   */
  drainInto(model: SceneModel, budgetMs: number, now: () => number): number {
    const start = now();
    let moved = 0;
    while (this.head < this.queue.length) {
      const item = this.queue[this.head];
      this.queue[this.head] = undefined as unknown as IncomingSkeleton;
      this.head++;
      if (!item) continue;
      this.ids.delete(item.detail.skeletonId);
      this.nodeCount -= item.detail.nodeCount;
      model.add(item.detail, item.piece);
      moved++;
      if (now() - start >= budgetMs) break;
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return moved;
  }
}
