/**
 * A lab's dashboard server asks CATMAID for at most `limit` skeleton data at once, for all its
 * browsers together. Each browser adapts its own request concurrency (it grows while latency
 * holds, to 7 or 8 for a lab-scale scene), so twenty colleagues opening scenes at once would
 * otherwise send CATMAID 150 heavy requests and take every worker process from the people
 * tracing in it. Requests over the limit wait here; the browsers see the wait as latency and
 * stop growing. Cache hits never wait: only requests that go upstream for compact-detail
 * (forwarded, the cache's misses, the display route's fetch) take a slot.
 *
 * Waiting requests are served in turn per browser (client-key.ts), first come first served
 * within one: a colleague opening one neuron while another loads a cold scene of a thousand gets
 * the next free slot, instead of waiting behind every request of the big scene.
 */

/** Waits at least this long before the server log mentions it. */
const LOGGED_WAIT_MS = 250;

export interface UpstreamGate {
  /**
   * Runs `work` (one request to CATMAID, settled once its answer is complete) in a free slot.
   * `label`: the request line, for the log line of a long wait. `client`: who asks (its turn).
   */
  run<T>(label: string, work: () => Promise<T>, client?: string): Promise<T>;
  /** Slots (CATMAID_CONCURRENCY). */
  readonly limit: number;
  /** Requests holding a slot, and waiting for one. */
  active(): number;
  queued(): number;
  /** Browsers (clients) with requests waiting. */
  waitingClients(): number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface Waiting {
  start: () => void;
}

export function upstreamGate(
  limit: number,
  log: (line: string) => void = (line) => console.log(line),
  now: () => number = () => performance.now(),
): UpstreamGate {
  let active = 0;
  let queued = 0;
  /** Per client, its waiting requests in order; clients in the order of their turns. */
  const queues = new Map<string, Waiting[]>();

  /** The next client's oldest request; that client goes to the back of the turns. */
  const next = (): Waiting | undefined => {
    for (const [client, waiting] of queues) {
      queues.delete(client);
      const first = waiting.shift();
      if (waiting.length > 0) queues.set(client, waiting);
      if (first) return first;
    }
    return undefined;
  };

  const release = () => {
    active--;
    const w = next();
    if (!w) return;
    queued--;
    active++;
    w.start();
  };

  return {
    run<T>(label: string, work: () => Promise<T>, client = ''): Promise<T> {
      const asked = now();
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          const waited = Math.round(now() - asked);
          if (waited >= LOGGED_WAIT_MS)
            log(
              `[upstream] ${label} waited ${waited} ms for one of ${limit} CATMAID slots (${queued} still waiting${queued > 0 ? `, from ${plural(queues.size, 'client')}` : ''})`,
            );
          let p: Promise<T>;
          try {
            p = work();
          } catch (e) {
            p = Promise.reject(e instanceof Error ? e : new Error(String(e)));
          }
          p.then(resolve, reject).finally(release);
        };
        if (active < limit) {
          active++;
          start();
          return;
        }
        queued++;
        const waiting = queues.get(client);
        if (waiting) waiting.push({ start });
        else queues.set(client, [{ start }]);
      });
    },
    limit,
    active: () => active,
    queued: () => queued,
    waitingClients: () => queues.size,
  };
}
