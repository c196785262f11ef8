/** Messages to and from the morphology worker: one request = one skeleton's analyses. */
import type { Morphology, MorphologyOptions } from '../analysis/morphology/morphology.ts';
import type { MorphTree } from '../analysis/morphology/tree.ts';

export interface MorphologyRequest {
  type: 'morphology';
  requestId: number;
  tree: MorphTree;
  options: MorphologyOptions;
}

export type MorphologyReply =
  | { type: 'result'; requestId: number; result: Morphology }
  | { type: 'error'; requestId: number; message: string };

export function isMorphologyRequest(data: unknown): data is MorphologyRequest {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<MorphologyRequest>;
  return (
    d.type === 'morphology' &&
    typeof d.requestId === 'number' &&
    typeof d.tree === 'object' &&
    d.tree !== null &&
    typeof d.options === 'object' &&
    d.options !== null
  );
}
