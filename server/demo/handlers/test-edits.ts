/**
 * Test-only edits, so an e2e test can change a skeleton the way a tracer in CATMAID would and
 * check the dashboard never shows the old shape. Registered only with DEMO_TEST_EDITS=1 (see
 * routes.ts), answered by the demo server itself and never by the dashboard proxy (not in
 * src/api/endpoint-list.ts, so its allowlist refuses it).
 *
 * POST /{pid}/test-edits/skeletons/{skid}/drop-nodes  count=N
 *   drops the skeleton's last N nodes (at least one stays) and moves its last edition time an
 *   hour on, as an edit in CATMAID would; answers {skeleton_id, num_nodes, last_edition_time}.
 * The change lives in memory only (the generated data on disk is untouched).
 */
import type { ProjectIndex } from '../data/project-index.ts';
import { postgresJson } from '../time-format.ts';
import { doesNotExist, valueError } from '../http/errors.ts';
import { arg, type ProjectCtx } from '../http/types.ts';

export const testEditsEnabled = (): boolean => process.env.DEMO_TEST_EDITS === '1';

/** Per project: skeleton index → its node range's new end. */
const ends = new WeakMap<ProjectIndex, Map<number, number>>();

function endsOf(p: ProjectIndex): Map<number, number> {
  let m = ends.get(p);
  if (!m) {
    const own = new Map<number, number>();
    const original = p.nodeRange.bind(p);
    // Every handler reads a skeleton's nodes through nodeRange: shortening it there changes
    // compact-detail, summary, node counts and the rest alike.
    p.nodeRange = (s: number): [number, number] => {
      const [from, to] = original(s);
      return [from, Math.min(to, own.get(s) ?? to)];
    };
    ends.set(p, own);
    m = own;
  }
  return m;
}

export function dropNodes(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const s = p.skelById.get(arg(ctx, 0));
  if (s === undefined) throw doesNotExist('ClassInstance');
  const count = ctx.params.int('count') ?? 1;
  if (count < 1) throw valueError('count must be at least 1');
  const m = endsOf(p);
  const [from, to] = p.nodeRange(s);
  m.set(s, Math.max(from + 1, to - count));
  p.lastEdit[s] = (p.lastEdit[s] ?? 0) + 3600;
  const [a, b] = p.nodeRange(s);
  return {
    skeleton_id: arg(ctx, 0),
    num_nodes: b - a,
    last_edition_time: postgresJson(p.lastEdit[s] ?? 0),
  };
}
