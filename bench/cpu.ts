/**
 * CPU seconds spent by each process while the bench waits for a frame: the browser's own
 * processes (CDP SystemInfo.getProcessInfo) and the app server with its demo-server child
 * (/proc on Linux). On a 2-core machine the first frame is bound by the sum, so the bench shows
 * where it goes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser } from '@playwright/test';

export type CpuByProcess = Record<string, number>;

function procStat(pid: number): { ppid: number; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), seconds: (Number(f[11]) + Number(f[12])) / 100 };
  } catch {
    return null;
  }
}

/** CPU seconds of `root` and all its descendants (NaN where /proc is missing). */
export function treeCpuSeconds(root: number): number {
  let names: string[];
  try {
    names = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return NaN;
  }
  const children = new Map<number, number[]>();
  const seconds = new Map<number, number>();
  for (const n of names) {
    const s = procStat(Number(n));
    if (!s) continue;
    seconds.set(Number(n), s.seconds);
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(n)]);
  }
  let total = 0;
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() ?? -1;
    total += seconds.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

export async function browserCpu(browser: Browser): Promise<CpuByProcess> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; cpuTime: number }[];
  };
  await cdp.detach();
  const out: CpuByProcess = {};
  for (const p of processInfo) {
    const key = p.type === 'renderer' || p.type === 'GPU' ? p.type : 'browser';
    out[key] = (out[key] ?? 0) + p.cpuTime;
  }
  return out;
}

export function cpuDelta(after: CpuByProcess, before: CpuByProcess): CpuByProcess {
  const out: CpuByProcess = {};
  for (const [k, v] of Object.entries(after)) out[k] = Math.round((v - (before[k] ?? 0)) * 10) / 10;
  return out;
}
