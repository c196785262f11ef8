/**
 * Tells the pool, once per load, that the server has answered it (skeleton-protocol.ts
 * `answered`): the body may still be streaming and will then be decoded here, but the server's
 * work is done, so the pool can send its next request instead of waiting for this worker to
 * finish decoding (which left the server's workers idle for 90–150 ms per request, issue 14).
 */
import type { WorkerReply } from './skeleton-protocol.ts';

export function answeredOnce(
  post: (reply: WorkerReply, transfer: ArrayBuffer[]) => void,
  requestId: number,
): () => void {
  let told = false;
  return () => {
    if (told) return;
    told = true;
    post({ type: 'answered', requestId }, []);
  };
}
