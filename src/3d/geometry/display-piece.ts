/**
 * What a huge scene draws of one skeleton, and nothing more: its coarse level in compact form
 * (./coarse-compact.ts), its connector points, soma and bounds, and the counts the scene needs
 * to reserve room for the full skeleton later. About a tenth of the compact-detail bytes: the
 * dashboard server derives it once per skeleton and edition and serves it to every browser, and
 * the browser keeps its own copy, so a 10-million-node scene is complete on screen without
 * moving and decoding every node first (display first, issue 14). The full skeleton follows in
 * the background for picking, per-node colour modes, finer levels and exports.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { maxOrder } from '../../analysis/morphology/strahler.ts';
import type { CompactPiece } from './block-set.ts';
import type { CoarseParts } from './skeleton-piece.ts';
import { buffersOf } from '../../lib/transferables.ts';

export interface DisplaySoma {
  nodeIndex: number;
  position: [number, number, number];
  /** nm, 0 when the node has none (the scene draws a default). */
  radius: number;
  /** The soma node's Strahler order and creator (its colour in those modes). */
  strahler: number;
  creator: number;
}

export interface DisplayPiece {
  skeletonId: number;
  nodeCount: number;
  /** Of all nodes (framing must not depend on which nodes the coarse level kept). */
  bounds: { min: [number, number, number]; max: [number, number, number] };
  maxStrahler: number;
  soma: DisplaySoma | null;
  /** The coarse level: kept vertices (local indices, positions, info rows) and their pairs. */
  coarse: CompactPiece;
  /** As SkeletonPiece's: empty when the skeleton was asked without connectors. */
  connectorPositions: Float32Array;
  connectorInfo: Uint16Array;
}

function boundsOf(positions: Float32Array): DisplayPiece['bounds'] {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 2 < positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = positions[i + k] ?? 0;
      if (v < (min[k] ?? v)) min[k] = v;
      if (v > (max[k] ?? v)) max[k] = v;
    }
  }
  return { min, max };
}

/** A skeleton's display form, from its piece or only the parts it needs (skeleton-piece.ts). */
export function displayPieceOf(d: SkeletonDetail, piece: CoarseParts): DisplayPiece {
  const s = d.somaIndex;
  const soma =
    s >= 0 && s < d.nodeCount
      ? {
          nodeIndex: s,
          position: [
            d.positions[s * 3] ?? 0,
            d.positions[s * 3 + 1] ?? 0,
            d.positions[s * 3 + 2] ?? 0,
          ] as [number, number, number],
          radius: Math.max(0, d.radii[s] ?? 0),
          strahler: piece.strahler[s] ?? 1,
          creator: Math.min(Math.max(d.creatorIds[s] ?? 0, 0), 65535),
        }
      : null;
  return {
    skeletonId: d.skeletonId,
    nodeCount: d.nodeCount,
    bounds: boundsOf(d.positions),
    maxStrahler: maxOrder(piece.strahler),
    soma,
    coarse: {
      source: piece.coarseSource,
      positions: piece.coarsePositions,
      info: piece.coarseInfo,
      indices: piece.coarseCompactEdges,
    },
    connectorPositions: piece.connectorPositions,
    connectorInfo: piece.connectorInfo,
  };
}

export function displayTransferables(p: DisplayPiece): ArrayBuffer[] {
  const c = p.coarse;
  return buffersOf([
    c.source,
    c.positions,
    c.info,
    c.indices,
    p.connectorPositions,
    p.connectorInfo,
  ]);
}
