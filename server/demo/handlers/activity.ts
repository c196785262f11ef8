/**
 * Per user and day activity of a project (new nodes, their cable, completed synaptic links,
 * reviews), computed once on first use and cached per project.
 */
import type { ProjectIndex } from '../data/project-index.ts';
import { DAY } from '../time-format.ts';

interface DayStats {
  nodes: number;
  cable: number;
  links: number;
  reviews: number;
}

/** user ID → day number (epoch days) → stats. */
export type Activity = Map<number, Map<number, DayStats>>;

const cache = new WeakMap<ProjectIndex, Activity>();

function bump(act: Activity, user: number, t: number): DayStats {
  const day = Math.floor(t / DAY);
  let byDay = act.get(user);
  if (!byDay) act.set(user, (byDay = new Map()));
  let s = byDay.get(day);
  if (!s) byDay.set(day, (s = { nodes: 0, cable: 0, links: 0, reviews: 0 }));
  return s;
}

export function activity(p: ProjectIndex): Activity {
  const cached = cache.get(p);
  if (cached) return cached;
  const a = p.a;
  const act: Activity = new Map();
  for (let i = 0; i < p.nNodes; i++) {
    const s = bump(act, a.creator[i] ?? 0, a.created[i] ?? 0);
    s.nodes++;
    const par = a.parent[i] ?? 0;
    if (par >= 0)
      s.cable += Math.hypot(
        (a.x[i] ?? 0) - (a.x[par] ?? 0),
        (a.y[i] ?? 0) - (a.y[par] ?? 0),
        (a.z[i] ?? 0) - (a.z[par] ?? 0),
      );
  }
  for (let c = 0; c < p.nConn; c++) {
    const pre = p.preLink(c);
    if (pre < 0) continue;
    for (let k = (a.connLinkStart[c] ?? 0) + 1; k < (a.connLinkStart[c + 1] ?? 0); k++) {
      // A synaptic link is "completed" by whoever made the later of the two links.
      const later = (a.linkCreated[k] ?? 0) >= (a.linkCreated[pre] ?? 0) ? k : pre;
      bump(act, a.linkCreator[later] ?? 0, a.linkCreated[later] ?? 0).links++;
    }
  }
  for (let r = 0; r < a.reviewNode.length; r++)
    bump(act, a.reviewer[r] ?? 0, a.reviewTime[r] ?? 0).reviews++;
  cache.set(p, act);
  return act;
}
