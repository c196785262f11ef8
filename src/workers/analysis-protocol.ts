/**
 * Messages of the analysis workers (compartment split, NBLAST). Each request carries an id; the
 * worker answers `progress` (NBLAST rows) and finally `result` or `error` with that id.
 */
import type { AxonDendriteSplit } from '../analysis/compartments/split.ts';
import type { CompartmentSummary } from '../analysis/compartments/compartment-stats.ts';
import type { FlowMode } from '../analysis/compartments/flow-centrality.ts';
import type { Dotprops } from '../analysis/nblast/dotprops.ts';

/** What the split and the dotprops need of a skeleton (a subset of SkeletonDetail). */
export interface SkeletonShape {
  skeletonId: number;
  parentIndex: Int32Array;
  positions: Float32Array;
  somaIndex: number;
  connectorNodeIndex: Int32Array;
  connectorRelations: Int8Array;
}

export type AnalysisRequest =
  | { type: 'split'; id: number; skeleton: SkeletonShape; mode: FlowMode }
  | { type: 'dotprops'; id: number; skeleton: SkeletonShape; stepUm: number; k: number }
  | {
      type: 'nblast';
      id: number;
      /** Every neuron's dotprops, in matrix order. */
      dotprops: Dotprops[];
      /** Rows (query indices) this worker scores against every column. */
      rows: number[];
      /** Also score against each target's mirror image across x = this (µm); null: don't. */
      mirrorAtUm: number | null;
    };

export interface SplitResult {
  split: AxonDendriteSplit;
  summary: CompartmentSummary;
}

export type AnalysisReply =
  | { type: 'progress'; id: number; row: number; scores: Float64Array }
  | { type: 'result'; id: number; value: SplitResult | Dotprops | null }
  | { type: 'error'; id: number; message: string };
