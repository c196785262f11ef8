import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { displayPieceOf } from './display-piece.ts';
import { packDisplay, packDisplayBatch, readDisplay, readDisplayBatch } from './display-pack.ts';
import { buildSkeletonPiece } from './skeleton-piece.ts';

/**
 * A 40-node chain with a 20-node side branch off node 11; node 30 is tagged soma with radius 250;
 * two synapses (pre on node 5, post on node 50). x is the node id.
 */
function tree(skeletonId = 7) {
  const nodes: (number | null)[][] = [];
  for (let id = 1; id <= 60; id++) {
    const parent = id === 1 ? null : id === 41 ? 11 : id - 1;
    nodes.push([id, parent, 3 + (id % 5), id, -2 * id, 10, id === 30 ? 250 : -1, 5]);
  }
  const connectors = [
    [5, 900, 0, 5.5, 1, 2],
    [50, 901, 1, 50.5, 3, 4],
  ];
  return decodeCompactDetail([nodes, connectors, { soma: [30] }, [], []], skeletonId);
}

function concat(parts: Uint8Array[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out.buffer;
}

describe('the display form of a skeleton', () => {
  it('holds the coarse level, all-node bounds, soma and synapses of the full piece', () => {
    const d = tree();
    const piece = buildSkeletonPiece(d);
    const p = displayPieceOf(d, piece);
    expect(p.nodeCount).toBe(60);
    expect(p.bounds).toEqual({ min: [1, -120, 10], max: [60, -2, 10] });
    expect(p.soma).toEqual({
      nodeIndex: 29,
      position: [30, -60, 10],
      radius: 250,
      strahler: 1,
      creator: 3,
    });
    expect(p.maxStrahler).toBe(2);
    expect([...p.coarse.source]).toEqual([...piece.coarseSource]);
    expect([...p.connectorInfo]).toEqual([0, 0, 0, 1]);
  });

  it('reads back from its bytes exactly, with the edition time', () => {
    const d = tree();
    const p = displayPieceOf(d, buildSkeletonPiece(d));
    const bytes = packDisplay(p, 1_700_000_000_123);
    expect(bytes.length % 8).toBe(0);
    const back = readDisplay(bytes.buffer);
    expect(back?.editedAt).toBe(1_700_000_000_123);
    const q = back?.piece;
    expect(q?.skeletonId).toBe(7);
    expect(q?.soma).toEqual(p.soma);
    expect(q?.bounds).toEqual(p.bounds);
    expect([...(q?.coarse.source ?? [])]).toEqual([...p.coarse.source]);
    expect([...(q?.coarse.positions ?? [])]).toEqual([...p.coarse.positions]);
    expect([...(q?.coarse.info ?? [])]).toEqual([...p.coarse.info]);
    expect([...(q?.coarse.indices ?? [])]).toEqual([...p.coarse.indices]);
    expect([...(q?.connectorPositions ?? [])]).toEqual([5.5, 1, 2, 50.5, 3, 4]);
    expect([...(q?.connectorInfo ?? [])]).toEqual([...p.connectorInfo]);
    // Views over the bytes, not copies.
    expect(q?.coarse.positions.buffer).toBe(bytes.buffer);
    expect(readDisplay(packDisplay(p, undefined).buffer)?.editedAt).toBeUndefined();
  });

  it('reads a truncated, corrupt or out-of-range pack as absent', () => {
    const d = tree();
    const bytes = packDisplay(displayPieceOf(d, buildSkeletonPiece(d)), 1);
    expect(readDisplay(bytes.slice(0, bytes.length - 8).buffer)).toBeUndefined();
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(readDisplay(wrongMagic.buffer)).toBeUndefined();
    // An index pointing past the kept vertices would draw another neuron's vertex.
    const bad = bytes.slice();
    const view = new DataView(bad.buffer);
    const kept = view.getUint32(28, true);
    const indicesAt = 104 + kept * 4 + kept * 12;
    view.setUint32(indicesAt, kept + 5, true);
    expect(readDisplay(bad.buffer)).toBeUndefined();
  });

  it('travels many to an answer, each found by id; a damaged pack is left out', () => {
    const a = tree(7);
    const b = tree(8);
    const pa = packDisplay(displayPieceOf(a, buildSkeletonPiece(a)), 1);
    const pb = packDisplay(displayPieceOf(b, buildSkeletonPiece(b)), 2);
    const damaged = pb.slice();
    damaged[4] = 99; // another version
    const batch = readDisplayBatch(
      concat(
        packDisplayBatch([
          [7, pa],
          [8, pb],
        ]),
      ),
    );
    expect([...batch.keys()]).toEqual([7, 8]);
    expect(batch.get(8)?.editedAt).toBe(2);
    const partial = readDisplayBatch(
      concat(
        packDisplayBatch([
          [7, pa],
          [8, damaged],
        ]),
      ),
    );
    expect([...partial.keys()]).toEqual([7]);
    expect(() => readDisplayBatch(new Uint8Array(16).buffer)).toThrow();
  });
});
