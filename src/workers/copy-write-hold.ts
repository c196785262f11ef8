/**
 * Holds of the workers' copy writes (WritesRequest): any number of holders; writes wait while
 * one holds. A hold lets go by itself after `maxMs`, so a page that never calls back (a scene
 * that never gets ready, a view torn down mid-way) cannot keep copies from being written.
 */

const WRITE_HOLD_MAX_MS = 30_000;

export interface WriteHold {
  /** Holds writes until the returned function is called (once; later calls do nothing). */
  hold(): () => void;
}

export function createWriteHold(
  setHeld: (held: boolean) => void,
  maxMs = WRITE_HOLD_MAX_MS,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): WriteHold {
  let holders = 0;
  return {
    hold() {
      if (holders++ === 0) setHeld(true);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        timers.clearTimeout(timer);
        if (--holders === 0) setHeld(false);
      };
      const timer = timers.setTimeout(release, maxMs);
      return release;
    },
  };
}
