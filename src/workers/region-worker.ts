/// <reference lib="webworker" />
/**
 * Web Worker entry: a thin dispatcher over runRegionJob (mesh indexing and point-in-mesh tests
 * for thousands of nodes take seconds on big meshes; the main thread never waits on them).
 */
import { runRegionJob, type RegionJobInput } from '../analysis/regions/region-job.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<RegionJobInput>) => {
  try {
    const result = runRegionJob(e.data);
    const buffers = [...result.nodeRegion, ...result.connectorRegion, ...result.pointInside].map(
      (a) => a.buffer as ArrayBuffer,
    );
    self.postMessage({ ok: true, result }, buffers);
  } catch (err) {
    self.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
