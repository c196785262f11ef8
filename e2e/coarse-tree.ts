/**
 * A skeleton's tree from the raw compact-detail answer, and its coarse level's segment count,
 * computed here independently of the app's code (the e2e project must not import src).
 */
import type { Page } from '@playwright/test';

/** The coarse decimation's stride (src/3d/geometry/skeleton-piece.ts, COARSE_STRIDE). */
export const STRIDE = 16;

export interface Tree {
  ids: number[];
  parent: Map<number, number | null>;
  children: Map<number, number[]>;
  xyz: Map<number, [number, number, number]>;
}

export async function rawTree(page: Page, skeletonId: number, pid = 1): Promise<Tree> {
  const res = await page.request.get(`/api/catmaid/${pid}/skeletons/${skeletonId}/compact-detail`);
  const [rows] = (await res.json()) as [(number | null)[][]];
  const t: Tree = { ids: [], parent: new Map(), children: new Map(), xyz: new Map() };
  for (const r of rows) {
    const id = Number(r[0]);
    const p = r[1] === null || r[1] === undefined ? null : Number(r[1]);
    t.ids.push(id);
    t.parent.set(id, p);
    t.xyz.set(id, [Number(r[3]), Number(r[4]), Number(r[5])]);
    if (p !== null) t.children.set(p, [...(t.children.get(p) ?? []), id]);
  }
  return t;
}

/**
 * Coarse segments: every unbranched run (from a leaf or branch point up to the next branch
 * point or root) of L steps becomes ceil(L / STRIDE) segments.
 */
export function coarseSegments(t: Tree): number {
  let n = 0;
  for (const id of t.ids) {
    if (t.parent.get(id) === null || (t.children.get(id)?.length ?? 0) === 1) continue;
    let steps = 0;
    let v = t.parent.get(id) ?? null;
    while (v !== null) {
      steps++;
      if ((t.children.get(v)?.length ?? 0) !== 1 || t.parent.get(v) === null) break;
      v = t.parent.get(v) ?? null;
    }
    n += Math.ceil(steps / STRIDE);
  }
  return n;
}
