import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { COMPARTMENT } from '../../analysis/compartments/split.ts';
import { nodeColourFn } from '../export/node-colours.ts';
import { strahlerOrders } from '../../analysis/morphology/strahler.ts';
import { LINE_INFO_SIZE, buildSkeletonPiece } from './skeleton-piece.ts';

/**
 * The hand-made neuron of split.test.ts as compact-detail: soma 1 → 2 → 3 (branch point); axon
 * 3 → 4 → 5 → {6, 7} with outputs on 6 and 7; dendrite 3 → 8 → 9 → {10, 11} with inputs.
 */
function neuron() {
  const parents = [null, 1, 2, 3, 4, 5, 5, 3, 8, 9, 9];
  const nodes = parents.map((p, i) => [i + 1, p, 1, i * 1000, 0, 0, -1, 5]);
  const connectors: unknown[] = [];
  let c = 100;
  for (const [node, rel] of [
    [6, 0],
    [6, 0],
    [7, 0],
    [7, 0],
    [10, 1],
    [10, 1],
    [11, 1],
    [11, 1],
  ])
    connectors.push([node, c++, rel, 0, 0, 0]);
  return decodeCompactDetail([nodes, connectors, { soma: [1] }], 7);
}

describe('compartment colour mode', () => {
  it('writes each node’s compartment into the line layer’s fourth attribute', () => {
    const piece = buildSkeletonPiece(neuron());
    const codes = Array.from(
      { length: 11 },
      (_, i) => (piece.lineInfo[i * LINE_INFO_SIZE + 1] ?? 0) >> 8,
    );
    const { axon: A, dendrite: D, linker: L, primaryNeurite: P } = COMPARTMENT;
    expect(codes).toEqual([P, P, L, L, A, A, A, L, D, D, D]);
  });

  it('colours axon red and dendrite blue in the vector export, the neuron colour if unsplit', () => {
    const d = neuron();
    const ctx = {
      mode: 'compartment' as const,
      userRgb: new Map<number, [number, number, number]>(),
      maxStrahler: 3,
      zRange: [0, 1] as [number, number],
    };
    const colour = nodeColourFn(ctx, [1, 2, 3], d, strahlerOrders(d.parentIndex));
    expect(colour(5)).toBe('#d62728');
    expect(colour(9)).toBe('#1f77b4');
    const bare = decodeCompactDetail([[[1, null, 1, 0, 0, 0, -1, 5]], []], 8);
    expect(nodeColourFn(ctx, [1, 2, 3], bare, new Uint8Array(1))(0)).toBe('#010203');
  });
});
