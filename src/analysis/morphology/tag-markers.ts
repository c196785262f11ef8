/**
 * Tags as 3D markers: which tags the loaded skeletons carry (with node counts), and the position
 * of every node carrying one tag, flat xyz in nm (the 3D view's marker layer format).
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';

type Tagged = Pick<SkeletonDetail, 'tags' | 'positions'>;

export interface TagCount {
  tag: string;
  nodes: number;
}

/** Tags by node count, most used first, then by name. */
export function tagCounts(skeletons: readonly Tagged[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const s of skeletons)
    for (const [tag, nodes] of s.tags) counts.set(tag, (counts.get(tag) ?? 0) + nodes.length);
  return [...counts]
    .map(([tag, nodes]) => ({ tag, nodes }))
    .sort((a, b) => b.nodes - a.nodes || a.tag.localeCompare(b.tag));
}

export function tagPositions(skeletons: readonly Tagged[], tag: string): number[] {
  const out: number[] = [];
  for (const s of skeletons) {
    for (const i of s.tags.get(tag) ?? []) {
      out.push(s.positions[i * 3] ?? 0, s.positions[i * 3 + 1] ?? 0, s.positions[i * 3 + 2] ?? 0);
    }
  }
  return out;
}
