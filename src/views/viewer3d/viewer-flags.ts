/** What the 3D view asks for: nodes, connectors, tags (soma), as msgpack. */
import { normalizeSkeletonFlags } from '../../api/skeleton-flags.ts';

export const VIEWER_FLAGS = normalizeSkeletonFlags({
  withConnectors: true,
  withTags: true,
  format: 'msgpack',
});
