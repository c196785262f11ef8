/// <reference lib="webworker" />
/** Web Worker entry: a thin dispatcher over computeMorphology (pure, tested in src/analysis). */
import { computeMorphology } from '../analysis/morphology/morphology.ts';
import { isMorphologyRequest, type MorphologyReply } from './morphology-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<unknown>) => {
  const req = event.data;
  if (!isMorphologyRequest(req)) return;
  let reply: MorphologyReply;
  try {
    reply = {
      type: 'result',
      requestId: req.requestId,
      result: computeMorphology(req.tree, req.options),
    };
  } catch (e) {
    reply = {
      type: 'error',
      requestId: req.requestId,
      message: e instanceof Error ? e.message : String(e),
    };
  }
  self.postMessage(reply);
};
