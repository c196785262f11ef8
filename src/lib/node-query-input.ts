/**
 * What a user typed into "Find a node": a bare treenode/connector id, or a pasted CATMAID web
 * client link (API ref §12.1, pymaid `url_to_coordinates`), from which the node
 * (`active_node_id`), skeleton (`active_skeleton_id`), project (`pid`) and location
 * (`xp`/`yp`/`zp`, nm, read with parseInt as the client does) are taken.
 */
import type { ProjectPoint } from './catmaid-link.ts';

export interface NodeQueryInput {
  nodeId: number | null;
  skeletonId: number | null;
  projectId: number | null;
  location: ProjectPoint | null;
}

/** A positive whole id, or null (CATMAID ids are positive bigints, exact below 2^53). */
function idOf(text: string | null | undefined): number | null {
  if (text === null || text === undefined || !/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function coordinate(text: string | null): number | null {
  if (text === null) return null;
  const n = parseInt(text, 10);
  return Number.isFinite(n) ? n : null;
}

/** null when the text is neither an id nor a link naming a node, skeleton or location. */
export function parseNodeQuery(text: string): NodeQueryInput | null {
  const trimmed = text.trim();
  const bare = idOf(trimmed.replace(/^#/, ''));
  if (bare !== null) return { nodeId: bare, skeletonId: null, projectId: null, location: null };
  const q = trimmed.indexOf('?');
  if (q < 0) return null;
  const params = new URLSearchParams(trimmed.slice(q + 1).replace(/#.*$/, ''));
  const x = coordinate(params.get('xp'));
  const y = coordinate(params.get('yp'));
  const z = coordinate(params.get('zp'));
  const out: NodeQueryInput = {
    nodeId: idOf(params.get('active_node_id')),
    skeletonId: idOf(params.get('active_skeleton_id')),
    projectId: idOf(params.get('pid')),
    location: x !== null && y !== null && z !== null ? { x, y, z } : null,
  };
  return out.nodeId === null && out.skeletonId === null && out.location === null ? null : out;
}
