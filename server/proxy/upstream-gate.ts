/**
 * A lab's dashboard server asks CATMAID for at most `limit` skeleton data at once, for all its
 * browsers together. Each browser adapts its own request concurrency (it grows while latency
 * holds, to 7 or 8 for a lab-scale scene), so twenty colleagues opening scenes at once would
 * otherwise send CATMAID 150 heavy requests and take every worker process from the people
 * tracing in it. Requests over the limit wait here; the browsers see the wait as latency and
 * stop growing. Cache hits never wait: only requests that go upstream for compact-detail
 * (forwarded, the cache's misses, the display route's fetch) take a slot.
 *
 * A free slot goes to the browser (client-key.ts) that has had the least of CATMAID's time, first
 * come first served within one: fair queuing by service time, as an operating system shares its
 * processors. Taking turns per request was not enough: a colleague opening ten neurons sends
 * four small requests at once, and while three others loaded big scenes each of them waited a
 * full turn behind a 0.5 s request of every other browser (the scene took 5.1 s; alone, 0.5 s).
 * Now:
 * - a browser's slot time is counted when a request ends, and its requests running meanwhile
 *   count as its average so far (a browser that has had none yet counts them as nothing, so
 *   its first burst goes first: at most `limit` requests before its cost is known);
 * - a browser that starts asking is put level with the least served of those already asking,
 *   so time unused while idle is no credit, and a long-running scene is never held back for
 *   what it used before the others came;
 * - ties go in turn, so browsers with requests of equal cost take turns as before.
 * A browser with nothing running or waiting is forgotten.
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

interface Client {
  waiting: Waiting[];
  running: number;
  /** Slot time of its finished requests (ms), levelled when it starts asking. */
  used: number;
  /** Its requests' average slot time so far (ms), null before the first ends. */
  averageMs: number | null;
}

/** Weight of the newest request in a browser's running average of slot time. */
const AVERAGE_WEIGHT = 0.3;

export function upstreamGate(
  limit: number,
  log: (line: string) => void = (line) => console.log(line),
  now: () => number = () => performance.now(),
): UpstreamGate {
  let active = 0;
  let queued = 0;
  /** Browsers with requests running or waiting, in the order of their turns. */
  const clients = new Map<string, Client>();

  /** What a browser has had of CATMAID, counting its running requests at its average. */
  const served = (c: Client) => c.used + c.running * (c.averageMs ?? 0);

  const clientFor = (key: string): Client => {
    const known = clients.get(key);
    if (known) return known;
    let least = Infinity;
    for (const c of clients.values()) least = Math.min(least, c.used);
    const c: Client = {
      waiting: [],
      running: 0,
      used: Number.isFinite(least) ? least : 0,
      averageMs: null,
    };
    clients.set(key, c);
    return c;
  };

  const forgetIfIdle = (key: string, c: Client) => {
    if (c.running === 0 && c.waiting.length === 0) clients.delete(key);
  };

  /** The least served waiting browser's oldest request; that browser goes to the back (ties). */
  const next = (): { key: string; client: Client; request: Waiting } | undefined => {
    let best: [string, Client] | undefined;
    for (const entry of clients) {
      if (entry[1].waiting.length === 0) continue;
      if (!best || served(entry[1]) < served(best[1])) best = entry;
    }
    if (!best) return undefined;
    const [key, client] = best;
    const request = client.waiting.shift();
    if (!request) return undefined;
    clients.delete(key);
    clients.set(key, client);
    return { key, client, request };
  };

  const waitingClients = () => {
    let n = 0;
    for (const c of clients.values()) if (c.waiting.length > 0) n++;
    return n;
  };

  /** Starts requests while slots are free and browsers wait. */
  const fill = () => {
    while (active < limit) {
      const n = next();
      if (!n) return;
      queued--;
      n.request.start();
    }
  };

  return {
    run<T>(label: string, work: () => Promise<T>, key = ''): Promise<T> {
      const asked = now();
      const client = clientFor(key);
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          client.running++;
          const began = now();
          const waited = Math.round(began - asked);
          if (waited >= LOGGED_WAIT_MS)
            log(
              `[upstream] ${label} waited ${waited} ms for one of ${limit} CATMAID slots (${queued} still waiting${queued > 0 ? `, from ${plural(waitingClients(), 'client')}` : ''})`,
            );
          let p: Promise<T>;
          try {
            p = work();
          } catch (e) {
            p = Promise.reject(e instanceof Error ? e : new Error(String(e)));
          }
          p.then(resolve, reject).finally(() => {
            const ms = now() - began;
            active--;
            client.running--;
            client.used += ms;
            client.averageMs =
              client.averageMs === null
                ? ms
                : client.averageMs + AVERAGE_WEIGHT * (ms - client.averageMs);
            forgetIfIdle(key, client);
            fill();
          });
        };
        queued++;
        client.waiting.push({ start });
        fill();
      });
    },
    limit,
    active: () => active,
    queued: () => queued,
    waitingClients,
  };
}
