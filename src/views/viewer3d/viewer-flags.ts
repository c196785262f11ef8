/**
 * What the 3D view asks for, as msgpack. Geometry first: every skeleton is drawn from its nodes
 * alone (CATMAID spends about half the time on that answer), then, only while a layer needs
 * them (synapse markers, somata, tag markers), the answer with connectors and tags is fetched
 * and added to the skeletons already drawn. Each flag set is its own cache entry (react-query,
 * IndexedDB, the server cache).
 */
import { normalizeSkeletonFlags } from '../../api/skeleton-flags.ts';

export const GEOMETRY_FLAGS = normalizeSkeletonFlags({ format: 'msgpack' });

/** The second pass (and what the bench's data floor fetches). */
export const VIEWER_FLAGS = normalizeSkeletonFlags({
  withConnectors: true,
  withTags: true,
  format: 'msgpack',
});
