/**
 * Runs a region job in its own worker (one per job, ended when it answers or is cancelled), or
 * in-process where workers do not exist (unit and component tests under jsdom).
 */
import type { RegionJobInput, RegionJobOutput } from '../analysis/regions/region-job.ts';

type Reply = { ok: true; result: RegionJobOutput } | { ok: false; message: string };

export function runRegionJobOffThread(
  input: RegionJobInput,
  signal?: AbortSignal,
): Promise<RegionJobOutput> {
  // Imported on demand: the geometry code (three-mesh-bvh) must stay out of the views that only
  // start a job (the Search view's region criterion).
  if (typeof Worker === 'undefined')
    return import('../analysis/regions/region-job.ts').then((m) => m.runRegionJob(input));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./region-worker.ts', import.meta.url), {
      type: 'module',
      name: 'region-geometry',
    });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('The region computation was cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (e: MessageEvent<Reply>) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      if (e.data.ok) resolve(e.data.result);
      else reject(new Error(`Region computation failed: ${e.data.message}`));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(`Region computation failed: ${e.message}`));
    };
    worker.postMessage(input);
  });
}
