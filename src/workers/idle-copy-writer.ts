/**
 * When a skeleton worker writes the copies it made: only once no load has run for a while
 * (persisting never competes with showing neurons) and no page holds writes (WritesRequest: a
 * scene the user waits for is still being drawn), in steps of about WRITE_STEP_BYTES, so a load
 * or a hold that comes meanwhile waits for one step at most.
 */

/** Writes wait until no load has run for this long. */
const WRITE_WHEN_IDLE_MS = 500;
/**
 * Bytes written per step (one OPFS segment, opfs-skeleton-cache.ts): a load that arrives
 * meanwhile waits for one step at most (tens of ms), and a reload opens few segments.
 */
const WRITE_STEP_BYTES = 16 * 2 ** 20;

export interface IdleCopyWriterDeps {
  /** Loads running or queued in this worker. */
  busy(): boolean;
  /** Writes one step; a rejection (quota, private mode) drops what is left unwritten. */
  write(step: [string, ArrayBuffer][]): Promise<void>;
  /** After everything was written (e.g. collecting dead segments). */
  afterAll?(): void;
  idleMs?: number;
  stepBytes?: number;
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}

export interface IdleCopyWriter {
  add(entries: [string, ArrayBuffer][]): void;
  /** A load ended (or anything else that may make the worker idle): try again later. */
  poke(): void;
  setHeld(held: boolean): void;
  /** Copies not yet written. */
  readonly pending: number;
}

export function createIdleCopyWriter(d: IdleCopyWriterDeps): IdleCopyWriter {
  const idleMs = d.idleMs ?? WRITE_WHEN_IDLE_MS;
  const stepBytes = d.stepBytes ?? WRITE_STEP_BYTES;
  const timers = d.timers ?? globalThis;
  let unwritten: [string, ArrayBuffer][] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;
  let held = false;

  const blocked = () => d.busy() || held;

  async function writeSteps(): Promise<void> {
    while (unwritten.length > 0 && !blocked()) {
      let bytes = 0;
      let count = 0;
      while (count < unwritten.length && bytes < stepBytes) {
        bytes += unwritten[count]?.[1].byteLength ?? 0;
        count++;
      }
      const step = unwritten.splice(0, count);
      const written = await d.write(step).then(
        () => true,
        () => false,
      );
      if (!written) unwritten = [];
    }
  }

  function schedule(): void {
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      // The last load (or write) to finish schedules again, and so does the end of a hold.
      if (writing || blocked() || unwritten.length === 0) return;
      writing = true;
      void writeSteps().finally(() => {
        writing = false;
        if (unwritten.length > 0) schedule();
        else d.afterAll?.();
      });
    }, idleMs);
  }

  function poke(): void {
    if (unwritten.length > 0) schedule();
  }

  return {
    add(entries) {
      unwritten.push(...entries);
      schedule();
    },
    poke,
    setHeld(h) {
      held = h;
      if (!held) poke();
    },
    get pending() {
      return unwritten.length;
    },
  };
}
