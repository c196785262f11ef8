/**
 * Cache writes wait while the server is answering. Keeping a cold answer (packing each
 * skeleton's entry and writing it to the store) is most of the dashboard server's CPU for a cold
 * scene: about 3 s of the 9 s a cold 1,000-neuron scene cost it, on the cores that CATMAID and
 * the browsers need at that moment. The browser waiting for the answer gains nothing from it, so
 * a write is deferred until no answer has been produced for QUIET_MS, and runs then, one at a
 * time. (A browser loading a scene leaves short gaps between its requests; writing in each of
 * them spread most of the work over the load again.)
 *
 * Three things run a deferred write before that:
 * - the bytes held for deferred writes pass `maxBytes` (the oldest run first, so memory stays
 *   bounded under a steady stream of answers);
 * - a request waits for the skeletons it keeps (`hurry`): it would otherwise wait for the whole
 *   server to fall quiet;
 * - `flush` (shutdown, tests).
 *
 * A request that waits for another's skeletons must not count as answering while it waits
 * (`answering` is called once the waiting is over), or the write it waits for would never run.
 */

interface Job {
  keys: ReadonlySet<string>;
  bytes: number;
  write: () => Promise<void>;
  hurried: boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How long the server must have been answering nothing before deferred writes run. */
export const QUIET_MS = 500;

export interface WriteBehindClock {
  now(): number;
  setTimeout(cb: () => void, ms: number): unknown;
}

const realClock: WriteBehindClock = {
  now: () => performance.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms).unref(),
};

export class WriteBehind {
  private readonly jobs: Job[] = [];
  private answers = 0;
  private held = 0;
  private running = false;
  /** Keys requests are waiting for (see `hurry`), with how many wait. */
  private readonly wanted = new Map<string, number>();

  /** When the last answer ended; a timer pending for the quiet to come. */
  private lastAnswerAt = -Infinity;
  private timer = false;

  /** `maxBytes`: what deferred writes may hold in memory (0: every write runs at once). */
  constructor(
    private readonly maxBytes: number,
    private readonly clock: WriteBehindClock = realClock,
  ) {}

  /** Bytes held by deferred writes not yet started (for tests and the log). */
  get heldBytes(): number {
    return this.held;
  }

  /** An answer is being produced: writes wait until none is. Call the result once it is out. */
  answering(): () => void {
    this.answers++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.answers--;
      this.lastAnswerAt = this.clock.now();
      this.pump();
    };
  }

  /**
   * Runs `write` (which holds `bytes` in memory and stores `keys`) once no answer is being
   * produced, or sooner (see the module comment). Settles as the write does.
   */
  defer(keys: readonly string[], bytes: number, write: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.jobs.push({
        keys: new Set(keys),
        bytes,
        write,
        hurried: keys.some((k) => this.wanted.has(k)),
        resolve,
        reject,
      });
      this.held += bytes;
      this.pump();
    });
  }

  /**
   * A request is about to wait for `keys`: the deferred writes of any of them run now, and so do
   * those deferred while it waits (the request it waits for may still be answering). Call the
   * result once the wait is over.
   */
  hurry(keys: readonly string[]): () => void {
    for (const k of keys) this.wanted.set(k, (this.wanted.get(k) ?? 0) + 1);
    let any = false;
    for (const job of this.jobs) {
      if (job.hurried || !keys.some((k) => job.keys.has(k))) continue;
      job.hurried = true;
      any = true;
    }
    if (any) this.pump();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      for (const k of keys) {
        const n = (this.wanted.get(k) ?? 1) - 1;
        if (n > 0) this.wanted.set(k, n);
        else this.wanted.delete(k);
      }
    };
  }

  /**
   * Drops the deferred writes not started yet (the cache is being cleared: they would bring back
   * what was cleared); their promises resolve. Returns how many were dropped. A write already
   * running is left to end (`flush` waits for it).
   */
  discard(): number {
    const dropped = this.jobs.splice(0);
    this.held = 0;
    for (const job of dropped) job.resolve();
    return dropped.length;
  }

  /** Runs every deferred write now; resolves when none is left. */
  async flush(): Promise<void> {
    while (this.running || this.jobs.length > 0) {
      // Writes deferred while flushing (by answers still going out) are hurried too.
      for (const job of this.jobs) job.hurried = true;
      this.pump();
      await nextTurn();
    }
  }

  /** The next write allowed to run now, taken off the queue. */
  private next(): Job | undefined {
    if (this.jobs.length === 0) return undefined;
    const hurried = this.jobs.findIndex((j) => j.hurried);
    const index = hurried >= 0 ? hurried : this.quiet() || this.held > this.maxBytes ? 0 : -1;
    if (index < 0) return undefined;
    const [job] = this.jobs.splice(index, 1);
    if (job) this.held -= job.bytes;
    return job;
  }

  /** No answer in progress, none ended in the last QUIET_MS (else a pump is set for then). */
  private quiet(): boolean {
    if (this.answers > 0) return false;
    const wait = this.lastAnswerAt + QUIET_MS - this.clock.now();
    if (wait <= 0) return true;
    if (!this.timer) {
      this.timer = true;
      this.clock.setTimeout(() => {
        this.timer = false;
        this.pump();
      }, wait);
    }
    return false;
  }

  private pump(): void {
    if (this.running) return;
    const job = this.next();
    if (!job) return;
    this.running = true;
    void job
      .write()
      .then(job.resolve, (e: unknown) =>
        job.reject(e instanceof Error ? e : new Error(String(e ?? 'cache write failed'))),
      )
      // A turn between writes: the answers that arrived meanwhile go first.
      .then(nextTurn)
      .finally(() => {
        this.running = false;
        this.pump();
      });
  }
}

const DEFAULT_MB = 512;

/** CACHE_WRITE_BEHIND_MB (default 512; 0 = write each answer at once). */
export function writeBehindBytes(env: NodeJS.ProcessEnv): number {
  const raw = env.CACHE_WRITE_BEHIND_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_MB;
  if (!Number.isFinite(mb) || mb < 0)
    throw new Error(`CACHE_WRITE_BEHIND_MB must be a number of megabytes (0 or more), got ${raw}`);
  return Math.round(mb * 1024 * 1024);
}
