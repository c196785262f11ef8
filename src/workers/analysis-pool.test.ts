import { describe, expect, it, vi } from 'vitest';
import type { AnalysisReply, AnalysisRequest } from './analysis-protocol.ts';
import { analysisPoolSize, createAnalysisPool } from './analysis-pool.ts';

/** A stand-in worker: answers an NBLAST request with one row per asked row (score = row). */
class FakeWorker {
  onmessage: ((e: MessageEvent<AnalysisReply>) => void) | null = null;
  terminated = false;
  received: AnalysisRequest[] = [];
  constructor(private readonly hold = false) {}
  postMessage(req: AnalysisRequest) {
    this.received.push(req);
    if (this.hold || req.type !== 'nblast') return;
    queueMicrotask(() => {
      for (const row of req.rows)
        this.reply({ type: 'progress', id: req.id, row, scores: Float64Array.of(row) });
      this.reply({ type: 'result', id: req.id, value: null });
    });
  }
  terminate() {
    this.terminated = true;
  }
  private reply(r: AnalysisReply) {
    this.onmessage?.({ data: r } as MessageEvent<AnalysisReply>);
  }
}

const dotprops = (n: number) =>
  Array.from({ length: n }, () => ({
    points: new Float32Array(3),
    tangents: new Float32Array(3),
    alpha: new Float32Array(1),
  }));

describe('analysis pool', () => {
  it('uses at least 2 workers (a 2-core machine too) and at most 4', () => {
    expect([1, 2, 3, 4, 8, 16].map(analysisPoolSize)).toEqual([2, 2, 2, 3, 4, 4]);
  });

  it('spreads the rows of an NBLAST matrix over its workers and reports each row once', async () => {
    const workers: FakeWorker[] = [];
    const pool = createAnalysisPool(3, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const rows: number[] = [];
    await pool.nblastMatrix(dotprops(7), 65, (row, scores) => {
      expect(scores[0]).toBe(row);
      rows.push(row);
    });
    expect(rows.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(workers).toHaveLength(3);
    // Every worker got a share, and the mirror plane travelled with it.
    for (const w of workers) {
      const req = w.received[0];
      expect(req?.type === 'nblast' && req.rows.length > 0 && req.mirrorAtUm === 65).toBe(true);
    }
  });

  it('stops its workers when the NBLAST is cancelled, and starts fresh ones afterwards', async () => {
    const workers: FakeWorker[] = [];
    let hold = true;
    const pool = createAnalysisPool(2, () => {
      const w = new FakeWorker(hold);
      workers.push(w);
      return w as unknown as Worker;
    });
    const ctrl = new AbortController();
    const onRow = vi.fn();
    const run = pool.nblastMatrix(dotprops(4), null, onRow, ctrl.signal);
    ctrl.abort();
    await expect(run).rejects.toThrow(/cancel/);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(onRow).not.toHaveBeenCalled();
    hold = false;
    await pool.nblastMatrix(dotprops(2), null, onRow);
    expect(workers).toHaveLength(4);
    expect(onRow).toHaveBeenCalledTimes(2);
  });
});
