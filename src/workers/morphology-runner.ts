/**
 * Runs the morphology analyses off the main thread: one lazily started worker shared by every
 * caller, requests matched to replies by id. Where no Worker exists (jsdom tests, old runtimes)
 * it computes inline after a yield, with the same result.
 */
import {
  computeMorphology,
  type Morphology,
  type MorphologyOptions,
} from '../analysis/morphology/morphology.ts';
import type { MorphTree } from '../analysis/morphology/tree.ts';
import type { MorphologyReply, MorphologyRequest } from './morphology-protocol.ts';

interface Pending {
  resolve: (m: Morphology) => void;
  reject: (e: unknown) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
  worker?.terminate();
  worker = undefined;
}

function workerFor(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./morphology-worker.ts', import.meta.url), {
      type: 'module',
      name: 'morphology',
    });
    worker.onmessage = (e: MessageEvent<MorphologyReply>) => {
      const p = pending.get(e.data.requestId);
      if (!p) return;
      pending.delete(e.data.requestId);
      if (e.data.type === 'result') p.resolve(e.data.result);
      else p.reject(new Error(`morphology failed: ${e.data.message}`));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failAll(`the morphology worker crashed: ${e.message}`);
    };
  }
  return worker;
}

/** Only the arrays the analyses read are copied to the worker (the cached skeleton stays). */
function treeOf(t: MorphTree): MorphTree {
  return {
    parentIndex: t.parentIndex,
    positions: t.positions,
    radii: t.radii,
    tags: t.tags,
    connectors: { nodeIndex: t.connectors.nodeIndex, relations: t.connectors.relations },
  };
}

export function runMorphology(
  tree: MorphTree,
  options: MorphologyOptions,
  signal?: AbortSignal,
): Promise<Morphology> {
  if (typeof Worker === 'undefined') {
    return Promise.resolve().then(() => {
      signal?.throwIfAborted();
      return computeMorphology(tree, options);
    });
  }
  const requestId = nextId++;
  return new Promise<Morphology>((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    signal?.addEventListener('abort', () => {
      // The worker finishes anyway (one skeleton, milliseconds); its reply is then dropped.
      if (pending.delete(requestId)) reject(signal.reason);
    });
    const msg: MorphologyRequest = { type: 'morphology', requestId, tree: treeOf(tree), options };
    workerFor().postMessage(msg);
  });
}
