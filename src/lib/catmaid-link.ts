/**
 * "Open in CATMAID": a deep link into the CATMAID web client (API ref §12.1, pymaid's
 * `url_to_coordinates`). A link is built only from complete parts: without a location CATMAID
 * opens the project where it last was instead of at the neuron, and without `sid0`/`s0` older
 * clients show no image stack at all. So every part is required here, and callers show a
 * disabled control until they have them all.
 */

/** A point in project space, in nanometres (CATMAID's `xp`, `yp`, `zp`). */
export interface ProjectPoint {
  x: number;
  y: number;
  z: number;
}

export interface CatmaidLinkParts {
  /** The web client's root, e.g. `https://catmaid.example.org/` or `https://host/tracing`. */
  webClientUrl: string;
  projectId: number;
  /** The image stack to open (`sid0`), e.g. the project's first stack. */
  stackId: number;
  /** The stack's zoom level (`s0`): 0 is full resolution, positive values zoom out. */
  zoom: number;
  /** Where to centre the view: the neuron's root, its soma, or a clicked node. */
  location: ProjectPoint;
  skeletonId: number;
  /** The node to select once loaded: usually the node at `location`. */
  nodeId: number;
}

function finite(name: string, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`CATMAID link: ${name} is ${value}`);
  return value;
}

/** An id (or zoom level) as CATMAID parses it: a whole number. */
function whole(name: string, value: number): string {
  if (!Number.isInteger(finite(name, value)))
    throw new RangeError(`CATMAID link: ${name} ${value} is not an integer`);
  return String(value);
}

/** The complete deep link; throws on a missing or non-numeric part instead of a partial link. */
export function catmaidLink(parts: CatmaidLinkParts): string {
  const base = parts.webClientUrl.trim().replace(/[?#].*$/, '');
  if (base === '') throw new RangeError('CATMAID link: no web client address');
  // The client reads `xp`/`yp`/`zp` with parseInt: send whole nanometres, not float noise.
  const coordinate = (name: string, v: number) => String(Math.round(finite(name, v)));
  const query = new URLSearchParams([
    ['pid', whole('project id', parts.projectId)],
    ['xp', coordinate('x', parts.location.x)],
    ['yp', coordinate('y', parts.location.y)],
    ['zp', coordinate('z', parts.location.z)],
    ['tool', 'tracingtool'],
    ['sid0', whole('stack id', parts.stackId)],
    ['s0', whole('zoom level', parts.zoom)],
    ['active_skeleton_id', whole('skeleton id', parts.skeletonId)],
    ['active_node_id', whole('node id', parts.nodeId)],
  ]);
  return `${base.replace(/\/+$/, '')}/?${query.toString()}`;
}
