/**
 * A small pool of analysis workers shared by the views (one per page): requests go to the least
 * busy worker; `nblastMatrix` spreads the rows of a matrix over every worker and reports each
 * finished row, so a 100 × 100 NBLAST never blocks the main thread and shows its progress.
 */
import type { FlowMode } from '../analysis/compartments/flow-centrality.ts';
import type { Dotprops } from '../analysis/nblast/dotprops.ts';
import type {
  AnalysisReply,
  AnalysisRequest,
  SkeletonShape,
  SplitResult,
} from './analysis-protocol.ts';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (row: number, scores: Float64Array) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

export interface AnalysisPool {
  split(skeleton: SkeletonShape, mode: FlowMode): Promise<SplitResult>;
  dotprops(skeleton: SkeletonShape, stepUm: number, k: number): Promise<Dotprops>;
  nblastMatrix(
    dotprops: Dotprops[],
    mirrorAtUm: number | null,
    onRow: (row: number, scores: Float64Array) => void,
    signal?: AbortSignal,
  ): Promise<void>;
}

type Spawn = () => Worker;

const spawnDefault: Spawn = () =>
  new Worker(new URL('./analysis-worker.ts', import.meta.url), {
    type: 'module',
    name: 'analysis',
  });

export function createAnalysisPool(size: number, spawn: Spawn = spawnDefault): AnalysisPool {
  let slots: Slot[] | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const ensure = (): Slot[] => {
    if (slots) return slots;
    slots = Array.from({ length: Math.max(1, size) }, () => {
      const slot: Slot = { worker: spawn(), busy: 0 };
      slot.worker.onmessage = (e: MessageEvent<AnalysisReply>) => {
        const r = e.data;
        const p = pending.get(r.id);
        if (!p) return;
        if (r.type === 'progress') p.onProgress?.(r.row, r.scores);
        else {
          pending.delete(r.id);
          slot.busy--;
          if (r.type === 'error') p.reject(new Error(r.message));
          else p.resolve(r.value);
        }
      };
      return slot;
    });
    return slots;
  };

  const send = <T>(
    build: (id: number) => AnalysisRequest,
    slot?: Slot,
    onProgress?: Pending['onProgress'],
  ): Promise<T> => {
    const all = ensure();
    const target = slot ?? all.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = nextId++;
    target.busy++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (v) => resolve(v as T), reject, onProgress });
      target.worker.postMessage(build(id));
    });
  };

  return {
    split: (skeleton, mode) => send<SplitResult>((id) => ({ type: 'split', id, skeleton, mode })),
    dotprops: (skeleton, stepUm, k) =>
      send<Dotprops>((id) => ({ type: 'dotprops', id, skeleton, stepUm, k })),
    async nblastMatrix(dotprops, mirrorAtUm, onRow, signal) {
      const all = ensure();
      const rows = dotprops.map((_, i) => i);
      // Interleaved so every worker gets big and small neurons alike.
      const parts = all.map((_, w) => rows.filter((r) => r % all.length === w));
      let cancelled = false;
      // Rows already queued in a worker cannot be taken back: stop the workers themselves (the
      // next request starts fresh ones).
      const stop = () => {
        cancelled = true;
        for (const s of all) s.worker.terminate();
        if (slots === all) slots = null;
        for (const p of pending.values()) p.reject(new DOMException('cancelled', 'AbortError'));
        pending.clear();
      };
      signal?.addEventListener('abort', stop, { once: true });
      try {
        await Promise.all(
          parts.map((part, w) =>
            part.length === 0
              ? null
              : send<null>(
                  (id) => ({ type: 'nblast', id, dotprops, rows: part, mirrorAtUm }),
                  all[w],
                  (r, s) => {
                    if (!cancelled) onRow(r, s);
                  },
                ),
          ),
        );
      } finally {
        signal?.removeEventListener('abort', stop);
      }
      if (cancelled) throw new DOMException('NBLAST cancelled', 'AbortError');
    },
  };
}

let shared: AnalysisPool | null = null;

/**
 * Workers for a machine with `cores` cores: one per core but one (the main thread's), at least 2
 * and at most 4. At least 2 because while a matrix runs the main thread only draws progress, so
 * on a 2-core machine a single worker would leave a core idle and double the wait.
 */
export function analysisPoolSize(cores: number): number {
  return Math.min(Math.max(cores - 1, 2), 4);
}

/** The page's pool, sized by `analysisPoolSize`. */
export function sharedAnalysisPool(): AnalysisPool {
  if (!shared) {
    const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
    shared = createAnalysisPool(analysisPoolSize(cores));
  }
  return shared;
}
