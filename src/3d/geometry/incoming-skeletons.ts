/**
 * Skeletons that arrived but are not in the scene model yet. Copying them into the merged
 * buffers is cheap per node but a batch of 20 neurons is ~60k nodes, and on a busy 2-core machine
 * that copy alone made 100+ ms main-thread tasks; so arrivals queue here and the frame loop
 * moves them in a few milliseconds at a time.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import type { DisplayPiece } from './display-piece.ts';
import type { SceneModel } from './scene-model.ts';
import type { SkeletonPiece } from './skeleton-piece.ts';

export interface IncomingSkeleton {
  detail: SkeletonDetail;
  piece: SkeletonPiece;
}

/** A skeleton's display form (display first), drawn before its full data. */
export interface IncomingDisplay {
  display: DisplayPiece;
}

type Incoming = IncomingSkeleton | IncomingDisplay;

const keyOf = (item: Incoming) =>
  'detail' in item ? `f${item.detail.skeletonId}` : `d${item.display.skeletonId}`;
const nodesOf = (item: Incoming) =>
  'detail' in item ? item.detail.nodeCount : item.display.nodeCount;

export class IncomingSkeletons {
  private queue: Incoming[] = [];
  private head = 0;
  /** `d<id>` / `f<id>`: a skeleton may be queued in both forms, display first. */
  private readonly ids = new Set<string>();
  /** Full skeletons queued whose display form is drawn or queued (they fill it in). */
  private readonly fillKeys = new Set<string>();
  /** Nodes of the queued skeletons but fills (what they add to the scene's size). */
  nodeCount = 0;

  /**
   * Queues an item unless it is already queued; false if it was. `fill`: the full data of a
   * skeleton whose display form is drawn (nothing new at the coarse level).
   */
  push(item: Incoming, fill = false): boolean {
    const key = keyOf(item);
    if (this.ids.has(key)) return false;
    this.ids.add(key);
    this.queue.push(item);
    // A fill adds no nodes to the scene: its display form counted them.
    if (fill) this.fillKeys.add(key);
    else this.nodeCount += nodesOf(item);
    return true;
  }

  /** Queued full skeletons that fill in a display form. */
  get fills(): number {
    return this.fillKeys.size;
  }

  hasDisplay(skeletonId: number): boolean {
    return this.ids.has(`d${skeletonId}`);
  }

  has(skeletonId: number): boolean {
    return this.ids.has(`f${skeletonId}`) || this.ids.has(`d${skeletonId}`);
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
      this.queue[this.head] = undefined as unknown as Incoming;
      this.head++;
      if (!item) continue;
      this.ids.delete(keyOf(item));
      if (!this.fillKeys.delete(keyOf(item))) this.nodeCount -= nodesOf(item);
      if ('detail' in item) model.add(item.detail, item.piece);
      else model.addDisplay(item.display);
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
