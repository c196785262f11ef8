/**
 * A compact-detail answer as per-skeleton byte ranges and back: a batch through its JSON or
 * msgpack envelope (json-batch.ts, msgpack-batch.ts), a single answer as the one value it is.
 */
import { isWholeJsonValue, joinJsonBatch, splitJsonBatch } from './json-batch.ts';
import { isWholeMsgpackValue, joinMsgpackBatch, splitMsgpackBatch } from './msgpack-batch.ts';
import type { CachedRequest } from './request-variant.ts';

/** Per-skeleton answer bytes of a whole upstream answer, or null when it is not one we know. */
export function splitAnswer(r: CachedRequest, body: Buffer): Map<number, Buffer> | null {
  if (r.kind === 'batch')
    return r.format === 'msgpack' ? splitMsgpackBatch(body) : splitJsonBatch(body);
  const id = r.skeletonIds[0];
  const whole = r.format === 'msgpack' ? isWholeMsgpackValue(body) : isWholeJsonValue(body);
  return whole && id !== undefined ? new Map([[id, body]]) : null;
}

/**
 * The answer CATMAID would have sent, as byte ranges to write in order: joining them into one
 * buffer would copy every batch once more (about 500 MB for a lab-scale scene of 1,000 neurons).
 */
export function joinAnswer(r: CachedRequest, values: Map<number, Buffer>): Buffer[] {
  if (r.kind === 'single') return [values.values().next().value ?? Buffer.alloc(0)];
  return r.format === 'msgpack' ? joinMsgpackBatch(values) : joinJsonBatch(values);
}
