/**
 * What every route that takes the browser's burst hint must do (burst-editions.ts), run against
 * each of them (display-burst.test.ts, compact-detail-burst.test.ts) in front of the demo server
 * with its test-only edit route: a new burst and a request without one ask CATMAID anew, and a
 * new burst (a reload) sees an edit that the old burst's answer predates.
 */
import { expect, it } from 'vitest';

export interface BurstRoute {
  /** Node counts by skeleton id from one request of the route. */
  nodes(ids: number[], burst?: string, ahead?: number[]): Promise<Map<number, number>>;
  /** Demo skeletons the scenarios may use (16; those from 12 on are edited). */
  ids(): number[];
  /** `skeletons/summary` requests the demo has answered so far. */
  summaries(): number;
  lastLog(): string | undefined;
  /** The demo server's base URL, ending in a slash. */
  demoUrl(): string;
  /** Resolves once the cache has stored what it was given. */
  written(): Promise<void>;
  /** Keeps the scenarios' burst ids apart from the file's own. */
  prefix: string;
}

export function burstScenarios(route: BurstRoute): void {
  const burst = (name: string) => `${route.prefix}-${name}`;

  it('asks again for a new burst, and for every request without one', async () => {
    const some = route.ids().slice(0, 4);
    const before = route.summaries();
    await route.nodes(some, burst('scene'), route.ids().slice(0, 12));
    expect(route.summaries() - before).toBe(1);
    await route.nodes(some);
    await route.nodes(some);
    expect(route.summaries() - before).toBe(3);
    expect(route.lastLog()).toMatch(/4 skeletons: .*, summary of 4 ids$/);
  });

  it('shows an edit to a request of a new burst (a reload), whatever the old burst still says', async () => {
    const some = route.ids().slice(12, 14);
    const edited = route.ids()[12] ?? 0;
    const old = (await route.nodes(some, burst('view-1'))).get(edited) ?? 0;
    await route.written();
    const edit = await fetch(`${route.demoUrl()}1/test-edits/skeletons/${edited}/drop-nodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'count=3',
    });
    expect(edit.status).toBe(200);
    // The same burst within BURST_MEMO_MS: the times it asked before the edit still hold.
    expect((await route.nodes(some, burst('view-1'))).get(edited)).toBe(old);
    const before = route.summaries();
    const reloaded = await route.nodes(some, burst('view-2'));
    expect(route.summaries() - before).toBe(1);
    expect(reloaded.get(edited)).toBe(old - 3);
    expect(route.lastLog()).toMatch(/hits 1\b.*stale 1/);
  });
}
