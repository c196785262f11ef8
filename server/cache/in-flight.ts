/**
 * Requests for the same skeletons at the same moment (a link shared in a lab meeting: twenty
 * browsers open the same neurons) ask CATMAID once: a request about to fetch skeletons that
 * another request is already fetching waits for that fetch to be stored, then reads the cache.
 * A fetch that fails or is cancelled releases its waiters too; they then fetch for themselves.
 */

export class InFlight {
  private readonly fetching = new Map<string, Promise<void>>();

  /** Waits until the fetches other requests started for any of `keys` end; false if none. */
  async waitFor(keys: readonly string[], signal: AbortSignal): Promise<boolean> {
    const waits = new Set<Promise<void>>();
    for (const key of keys) {
      const p = this.fetching.get(key);
      if (p) waits.add(p);
    }
    if (waits.size === 0) return false;
    if (signal.aborted) return true;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<void>((resolve) => {
      onAbort = () => resolve();
      signal.addEventListener('abort', onAbort, { once: true });
    });
    await Promise.race([Promise.all(waits), aborted]);
    if (onAbort) signal.removeEventListener('abort', onAbort);
    return true;
  }

  /**
   * Whether another request is fetching any of `keys` now. Asked before reading the store: a
   * fetch that ends between that read and `waitFor` leaves nothing to wait for, yet its entries
   * are in the store only after the read, so the caller reads again.
   */
  anyOf(keys: readonly string[]): boolean {
    return keys.some((key) => this.fetching.has(key));
  }

  /** Marks `keys` as being fetched by the caller; the returned release (idempotent) ends it. */
  claim(keys: readonly string[]): () => void {
    let resolve: (() => void) | undefined;
    const done = new Promise<void>((r) => (resolve = r));
    const mine = keys.filter((key) => !this.fetching.has(key));
    for (const key of mine) this.fetching.set(key, done);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const key of mine) if (this.fetching.get(key) === done) this.fetching.delete(key);
      resolve?.();
    };
  }

  get size(): number {
    return this.fetching.size;
  }
}
