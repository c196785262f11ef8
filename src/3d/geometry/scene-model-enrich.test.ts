import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { SceneModel } from './scene-model.ts';
import { buildSkeletonPiece } from './skeleton-piece.ts';

const NODES = [
  [11, null, 3, 0, 0, 0, 500, 5],
  [12, 11, 3, 10, 0, 0, -1, 5],
];

/** The same skeleton as a geometry-only answer, or with its connectors and soma tag. */
function answer(full: boolean, nodes: unknown[][] = NODES) {
  const detail = decodeCompactDetail(
    full ? [nodes, [[12, 900, 0, 10, 5, 0]], { soma: [11] }, [], []] : [nodes, [], {}, [], []],
    1,
  );
  return { detail, piece: buildSkeletonPiece(detail) };
}

describe('SceneModel.enrich (geometry first)', () => {
  it('adds the connector points and soma to the skeleton drawn without them', () => {
    const model = new SceneModel();
    const geometry = answer(false);
    model.add(geometry.detail, geometry.piece);
    expect(model.somata).toHaveLength(0);
    expect(model.bySkeleton.get(1)?.connectors).toBeNull();

    const full = answer(true);
    expect(model.enrich(full.detail, full.piece)).toBe(true);
    const record = model.bySkeleton.get(1);
    expect(record?.connectors?.vertexCount).toBe(1);
    expect(model.points.blocks[0]?.positions.slice(0, 3)).toEqual(new Float32Array([10, 5, 0]));
    expect(model.somata).toEqual([
      {
        slot: 0,
        skeletonId: 1,
        nodeIndex: 0,
        position: [0, 0, 0],
        radius: 500,
        strahler: 1,
        creator: 3,
      },
    ]);
    // Tags and connectors are now on the drawn skeleton (markers, picking, export).
    expect(record?.detail.tags.get('soma')).toEqual(new Int32Array([0]));
    // Lines and node count are those drawn first.
    expect(model.records).toHaveLength(1);
    expect(model.nodeCount).toBe(2);
    // Once only.
    expect(model.enrich(full.detail, full.piece)).toBe(false);
    expect(model.somata).toHaveLength(1);
  });

  it('takes the richer detail, so the compartment split sees its synapses', () => {
    const model = new SceneModel();
    const geometry = answer(false);
    model.add(geometry.detail, geometry.piece);
    const full = answer(true);
    model.enrich(full.detail, full.piece);
    expect(model.bySkeleton.get(1)?.detail).toBe(full.detail);
    expect(model.bySkeleton.get(1)?.detail.connectors.relations.length).toBe(1);
  });

  it('does nothing for a skeleton that is not drawn', () => {
    const model = new SceneModel();
    const full = answer(true);
    expect(model.enrich(full.detail, full.piece)).toBe(false);
    expect(model.records).toHaveLength(0);
  });

  it('keeps the drawn nodes when the second answer describes other ones (edited meanwhile)', () => {
    const model = new SceneModel();
    const geometry = answer(false);
    model.add(geometry.detail, geometry.piece);
    const edited = answer(true, [...NODES, [13, 12, 3, 20, 0, 0, -1, 5]]);
    expect(model.enrich(edited.detail, edited.piece)).toBe(true);
    expect(model.bySkeleton.get(1)?.detail).toBe(geometry.detail);
    expect(model.bySkeleton.get(1)?.connectors?.vertexCount).toBe(1);
  });
});
