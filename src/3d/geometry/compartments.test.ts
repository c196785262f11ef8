import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { COMPARTMENT } from '../../analysis/compartments/split.ts';
import { nodeColourFn } from '../export/node-colours.ts';
import { strahlerOrders } from '../../analysis/morphology/strahler.ts';
import { LINE_INFO_SIZE, buildSkeletonPiece } from './skeleton-piece.ts';
import { SceneModel } from './scene-model.ts';
import { SceneCompartments } from './scene-compartments.ts';

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
  it('writes each node’s compartment into the line layer once the mode asks, Strahler kept', () => {
    const d = neuron();
    const piece = buildSkeletonPiece(d);
    // Not split on load: the worker leaves the high byte empty.
    expect(piece.lineInfo.filter((_, i) => i % LINE_INFO_SIZE === 1).every((v) => v < 256)).toBe(
      true,
    );
    const model = new SceneModel();
    const record = model.add(d, piece);
    const split = new SceneCompartments();
    expect(split.apply(model, 100, () => 0)).toEqual({ changed: true, pending: false });
    const block = model.lines.blocks[record.lines.blockId];
    const component = (i: number) =>
      block?.info[(record.lines.vertexStart + i) * LINE_INFO_SIZE + 1] ?? 0;
    const codes = Array.from({ length: 11 }, (_, i) => component(i) >> 8);
    const { axon: A, dendrite: D, linker: L, primaryNeurite: P } = COMPARTMENT;
    expect(codes).toEqual([P, P, L, L, A, A, A, L, D, D, D]);
    const strahler = strahlerOrders(d.parentIndex);
    expect(Array.from({ length: 11 }, (_, i) => component(i) & 255)).toEqual([...strahler]);
    expect(block?.rewrittenInfo).toBeTruthy();
    // Written once: nothing to do until a record changes.
    expect(split.apply(model, 100, () => 0)).toEqual({ changed: false, pending: false });
    expect(split.writtenCount).toBe(1);
  });

  it('splits a few skeletons per call within the time budget, at least one each time', () => {
    const model = new SceneModel();
    for (let id = 1; id <= 3; id++) {
      const d = { ...neuron(), skeletonId: id };
      model.add(d, buildSkeletonPiece(d));
    }
    let t = 0;
    const clock = () => (t += 10);
    const split = new SceneCompartments();
    expect(split.apply(model, 5, clock)).toEqual({ changed: true, pending: true });
    expect(split.writtenCount).toBe(1);
    expect(split.apply(model, 1000, clock)).toEqual({ changed: true, pending: false });
    expect(split.writtenCount).toBe(3);
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
