/** Small hand-made trees for the Neuron view's analysis tests. */
import type { NodeVersion } from '../../api/skeleton-history.ts';
import type { ArborNode } from './arbor.ts';

export function node(
  nodeId: number,
  parentId: number | null,
  x: number,
  y = 0,
  extra: Partial<ArborNode> = {},
): ArborNode {
  return { nodeId, parentId, userId: 1, x, y, z: 0, radius: -1, createdAt: 0, ...extra };
}

/**
 *        1 (root, 0,0)
 *        |
 *        2 (3,4)          edge 5
 *       / \
 *  (3,0)3   4 (3,8)       edges 4 and 4
 *           |
 *           5 (3,11)      edge 3
 * cable 16, branch point 2, leaves 3 and 5.
 */
export const Y_TREE: ArborNode[] = [
  node(1, null, 0, 0),
  node(2, 1, 3, 4),
  node(3, 2, 3, 0),
  node(4, 2, 3, 8),
  node(5, 4, 3, 11),
];

export function version(
  nodeId: number,
  parentId: number | null,
  from: number,
  to: number,
  extra: Partial<NodeVersion> = {},
): NodeVersion {
  const live = to === Infinity;
  return {
    nodeId,
    parentId,
    userId: 1,
    x: 0,
    y: 0,
    z: 0,
    radius: -1,
    confidence: 5,
    validFrom: from,
    validTo: to,
    createdAt: live ? from : Number.NaN,
    ordering: live ? 1 : 2,
    ...extra,
  };
}
