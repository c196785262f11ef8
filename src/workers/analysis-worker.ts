/// <reference lib="webworker" />
/**
 * Web Worker entry for the analyses that would block the main thread: a thin dispatcher over
 * the pure functions in src/analysis (compartment split, dotprops, NBLAST rows).
 */
import { compartmentSummary } from '../analysis/compartments/compartment-stats.ts';
import { splitAxonDendrite } from '../analysis/compartments/split.ts';
import { dotpropsOfSkeleton, mirroredDotprops } from '../analysis/nblast/dotprops.ts';
import { indexDotprops, nblastRow } from '../analysis/nblast/nblast-score.ts';
import type { AnalysisReply, AnalysisRequest } from './analysis-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

function post(reply: AnalysisReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

function handle(req: AnalysisRequest): void {
  if (req.type === 'split') {
    const s = req.skeleton;
    const split = splitAxonDendrite(
      {
        parentIndex: s.parentIndex,
        somaIndex: s.somaIndex,
        connectorNodeIndex: s.connectorNodeIndex,
        connectorRelations: s.connectorRelations,
      },
      { mode: req.mode },
    );
    const summary = compartmentSummary(s, split);
    post({ type: 'result', id: req.id, value: { split, summary } }, [
      split.compartment.buffer,
      split.flow.buffer,
    ]);
  } else if (req.type === 'dotprops') {
    const d = dotpropsOfSkeleton(req.skeleton.parentIndex, req.skeleton.positions, {
      stepUm: req.stepUm,
      k: req.k,
    });
    post({ type: 'result', id: req.id, value: d }, [
      d.points.buffer,
      d.tangents.buffer,
      d.alpha.buffer,
    ]);
  } else {
    const indexed = req.dotprops.map(indexDotprops);
    const at = req.mirrorAtUm;
    const mirrored =
      at === null ? null : req.dotprops.map((d) => indexDotprops(mirroredDotprops(d, at)));
    for (const row of req.rows) {
      const q = req.dotprops[row];
      const scores = q ? nblastRow(row, q, indexed, mirrored) : new Float64Array(indexed.length);
      post({ type: 'progress', id: req.id, row, scores }, [scores.buffer]);
    }
    post({ type: 'result', id: req.id, value: null });
  }
}

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  try {
    handle(e.data);
  } catch (err) {
    post({
      type: 'error',
      id: e.data.id,
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
