/**
 * Tags on one neuron and what they say about its completeness (pymaid `get_node_tags`,
 * `get_label_list`, `find_nodes`). End tags mark a leaf as a real end or a known stop of the
 * tracing: `ends`, `uncertain end`, `uncertain continuation`, `not a branch`, `soma` (CATMAID's
 * review and tracing tools use these). An open end is a leaf with none of them: the places a
 * proofreader still has to look at. `TODO` nodes are listed separately: work someone left.
 */
import type { TagUse } from '../../api/skeleton-history.ts';

export const END_TAGS = ['ends', 'uncertain end', 'uncertain continuation', 'not a branch', 'soma'];
const CHECKLIST_TAGS = [...END_TAGS, 'TODO'];

export interface TagRow {
  tag: string;
  count: number;
  nodeIds: number[];
  /** One of the completeness checklist tags (highlighted). */
  checklist: boolean;
}

/** Tags on live nodes, most used first (ties by name). */
export function tagTable(tags: readonly TagUse[], liveNodeIds: ReadonlySet<number>): TagRow[] {
  const by = new Map<string, Set<number>>();
  for (const t of tags) {
    if (!liveNodeIds.has(t.nodeId)) continue;
    let s = by.get(t.tag);
    if (!s) by.set(t.tag, (s = new Set()));
    s.add(t.nodeId);
  }
  return [...by]
    .map(([tag, ids]) => ({
      tag,
      count: ids.size,
      nodeIds: [...ids].sort((a, b) => a - b),
      checklist: CHECKLIST_TAGS.includes(tag),
    }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export interface Completeness {
  leaves: number;
  /** Leaves carrying an end tag. */
  closedEnds: number;
  /** Leaves without one, sorted by id. */
  openEnds: number[];
  todo: number[];
}

export function completeness(leafIds: readonly number[], tags: readonly TagUse[]): Completeness {
  const endTagged = new Set(tags.filter((t) => END_TAGS.includes(t.tag)).map((t) => t.nodeId));
  const openEnds = leafIds.filter((id) => !endTagged.has(id)).sort((a, b) => a - b);
  const leafSet = new Set(leafIds);
  const todo = [...new Set(tags.filter((t) => t.tag === 'TODO').map((t) => t.nodeId))].sort(
    (a, b) => a - b,
  );
  return {
    leaves: leafSet.size,
    closedEnds: leafSet.size - openEnds.length,
    openEnds,
    todo,
  };
}
