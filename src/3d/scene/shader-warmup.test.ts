import { describe, expect, it } from 'vitest';
import { MAX_LINK_POLLS, runWarmup, type WarmProgram, type WarmupWaits } from './shader-warmup.ts';

/**
 * A fake event loop: every step and wait is logged; `task` counts the tasks the warm-up ran in
 * (each wait ends one), so the test can check what shares a task with what.
 */
function harness(opts: { readyAfterPolls?: number[] } = {}) {
  const log: string[] = [];
  let task = 0;
  let gpuBusy = false;
  const inTask = (what: string) => log.push(`${task}:${what}`);
  const waits: WarmupWaits = {
    nextTask: () => {
      task++;
      return Promise.resolve();
    },
    pause: () => {
      task++;
      return Promise.resolve();
    },
    gpuIdle: () => {
      task++;
      gpuBusy = false;
      inTask('idle');
      return Promise.resolve();
    },
  };
  const polls = opts.readyAfterPolls ?? [];
  const programs = (n: number): WarmProgram[] =>
    Array.from({ length: n }, (_, i) => {
      let left = polls[i] ?? 0;
      return {
        isReady: () => {
          inTask(`ready?${i}`);
          return left-- <= 0;
        },
        getUniforms: () => inTask(`uniforms${i}`),
      };
    });
  const steps = {
    compile: () => {
      inTask('compile');
      gpuBusy = true;
      return programs(2);
    },
    drawOffscreen: () => {
      inTask(`draw${gpuBusy ? ' (gpu busy)' : ''}`);
      gpuBusy = true;
    },
    copyOffscreen: () => {
      inTask('copy');
      gpuBusy = true;
    },
    present: () => {
      inTask(`present${gpuBusy ? ' (gpu busy)' : ''}`);
      gpuBusy = true;
    },
  };
  return { log, steps, waits, tasks: () => task };
}

/** The entries of the log grouped by the task they ran in. */
function byTask(log: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const entry of log) {
    const [t = '', what = ''] = entry.split(':');
    groups.set(t, [...(groups.get(t) ?? []), what]);
  }
  return [...groups.values()];
}

describe('runWarmup', () => {
  it('issues nothing in the task it starts in (that frame reads the fresh canvas back)', async () => {
    const h = harness();
    await runWarmup(h.steps, h.waits);
    expect(h.log[0]?.startsWith('0:')).toBe(false);
  });

  it('queries the programs only after the GPU process has taken the compiles', async () => {
    const h = harness();
    await runWarmup(h.steps, h.waits);
    const firstQuery = h.log.findIndex((e) => e.includes('ready?'));
    const idle = h.log.findIndex((e) => e.endsWith('idle'));
    expect(idle).toBeGreaterThan(h.log.findIndex((e) => e.endsWith('compile')));
    expect(firstQuery).toBeGreaterThan(idle);
  });

  it('polls links still running in later tasks, and looks programs up only once all are complete', async () => {
    const h = harness({ readyAfterPolls: [3, 1] });
    await runWarmup(h.steps, h.waits);
    const whats = h.log.map((e) => e.split(':')[1]);
    // The first check, then one per pause until complete; a complete one is not asked again.
    expect(whats.filter((w) => w === 'ready?0')).toHaveLength(4);
    expect(whats.filter((w) => w === 'ready?1')).toHaveLength(2);
    const lastPoll = Math.max(whats.lastIndexOf('ready?0'), whats.lastIndexOf('ready?1'));
    expect(whats.indexOf('uniforms0')).toBeGreaterThan(lastPoll);
    expect(whats.indexOf('uniforms1')).toBeGreaterThan(lastPoll);
    // Polls are spread over tasks: no two polls of one program share a task.
    for (const g of byTask(h.log)) {
      expect(g.filter((w) => w === 'ready?0').length).toBeLessThanOrEqual(1);
    }
    // The draw follows the lookups (which it would otherwise do itself, synchronously).
    expect(whats.indexOf('draw')).toBeGreaterThan(whats.indexOf('uniforms1'));
  });

  it('stops polling a link that never completes, and still finishes', async () => {
    const h = harness({ readyAfterPolls: [Infinity, 0] });
    await runWarmup(h.steps, h.waits);
    const whats = h.log.map((e) => e.split(':')[1]);
    // The first check, and one after each of the pauses.
    expect(whats.filter((w) => w === 'ready?0')).toHaveLength(MAX_LINK_POLLS + 1);
    expect(whats).toContain('uniforms0');
    expect(whats.at(-2)).toBe('present');
  });

  it('draws off screen on linked programs, and presents alone on an idle GPU', async () => {
    const h = harness();
    await runWarmup(h.steps, h.waits);
    const whats = h.log.map((e) => e.split(':')[1]);
    expect(whats.indexOf('draw')).toBeGreaterThan(whats.lastIndexOf('uniforms1'));
    expect(whats).toContain('copy');
    expect(whats.some((w) => w?.includes('(gpu busy)'))).toBe(false);
    const presentTask = byTask(h.log).find((g) => g.some((w) => w.startsWith('present')));
    expect(presentTask?.filter((w) => w !== 'idle')).toEqual(['present']);
    // Resolves only once the present has finished on the GPU too.
    expect(whats.at(-1)).toBe('idle');
    expect(whats.at(-2)).toBe('present');
  });
});
