/**
 * When the server answered. `answeredOnce` tells the pool, once per load, that the server has
 * answered it (skeleton-protocol.ts `answered`): the body may still be streaming and will then be
 * decoded here, but the server's work is done, so the pool can send its next request instead of
 * waiting for this worker to finish decoding (which left the server's workers idle for 90–150 ms
 * per request, issue 14). `serverTimer` times a request to that moment.
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

/**
 * Times one request until the server answered it (its headers), which is the server's time: the
 * body's arrival and its decoding here are not. `onAnswered` goes to the request; `then` hears
 * of the first answer; `ms()` is the time to it, or to now when no answer came.
 */
export function serverTimer(then: () => void = () => undefined): {
  onAnswered: () => void;
  ms: () => number;
} {
  const t0 = performance.now();
  let answeredAt: number | null = null;
  return {
    onAnswered: () => {
      if (answeredAt !== null) return;
      answeredAt = performance.now();
      then();
    },
    ms: () => (answeredAt ?? performance.now()) - t0,
  };
}
