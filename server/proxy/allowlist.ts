/**
 * The read endpoints the dashboard may reach through the proxy, by method and path.
 *
 * CATMAID answers many reads only to POST (query-targets, connectivity, neuronnames, batch
 * compact-detail…) and some writes to GET (`tags/…/update`, `volumes/{id}/update-meta-info`), so a
 * method-based guard is useless: this is an allowlist of (methods, anchored path regex) pairs from
 * the API reference (§§2–8). Anything else is refused before it reaches the upstream.
 */
type Method = 'GET' | 'POST';

interface AllowedRoute {
  methods: readonly Method[];
  pattern: RegExp;
}

const G: readonly Method[] = ['GET'];
const P: readonly Method[] = ['POST'];
const GP: readonly Method[] = ['GET', 'POST'];

const ID = '\\d+';
const PID = '-?\\d+';

/** Paths relative to the CATMAID root; `{pid}` routes are written without the project prefix. */
const globalRoutes: [readonly Method[], string][] = [
  [G, '/version'],
  [G, '/projects/'],
  [G, '/user-list'],
  [G, '/accounts/login'],
  [G, '/permissions'],
];

const projectRoutes: [readonly Method[], string][] = [
  [G, '/'],
  [G, '/stacks'],
  [G, `/stack/${ID}/info`],
  [GP, '/annotations/'],
  [P, '/annotations/query-targets'],
  [P, '/annotations/forskeletons'],
  [P, '/annotations/query'],
  [P, '/annotations/table-list'],
  [P, '/skeleton/annotationlist'],
  [P, '/skeleton/neuronnames'],
  [G, `/skeleton/${ID}/neuronname`],
  [G, `/skeletons/${ID}/neuron-details`],
  [P, '/neurons/from-models'],
  [G, '/skeletons/'],
  [G, '/neurons/'],
  [G, `/skeletons/${ID}/compact-detail`],
  [P, '/skeletons/compact-detail'],
  [P, '/skeletons/connectivity'],
  [P, '/skeleton/connectivity_matrix'],
  [GP, '/skeletons/connectivity-counts'],
  [P, '/skeletons/confidence-compartment-subgraph'],
  [P, '/connector/list/many_to_many'],
  [P, '/connector/skeletons'],
  [GP, '/connectors/links/'],
  [P, '/connectors/'],
  [G, '/connectors/types/'],
  [G, '/stats/(user-history|nodecount|cable-length|aggregates|summary|history|editor)'],
  [P, '/skeleton/contributor_statistics_multiple'],
  [G, `/skeleton/${ID}/contributor_statistics`],
  [P, '/skeletons/review-status'],
  [GP, '/skeletons/cable-length'],
  [G, `/skeletons/${ID}/cable-length`],
  [GP, '/skeletons/summary'],
  [G, `/skeletons/${ID}/root`],
  [G, `/skeleton/${ID}/node_count`],
  [G, `/skeleton/${ID}/statistics`],
  [G, `/skeleton/${ID}/swc`],
  [GP, '/volumes/'],
  [G, `/volumes/${ID}/`],
  [G, '/labels/'],
  [G, '/labels/(stats|detail)'],
  [G, `/labels/(treenode|connector)/${ID}/`],
  [P, '/labels-for-nodes'],
  [P, '/node/user-info'],
  [G, `/treenodes/${ID}/info`],
  [G, `/treenodes/${ID}/compact-detail`],
  [P, '/treenodes/compact-detail'],
  [P, '/nodes/location'],
];

const routes: AllowedRoute[] = [
  ...globalRoutes.map(([methods, path]) => ({ methods, pattern: new RegExp(`^${path}$`) })),
  ...projectRoutes.map(([methods, path]) => ({
    methods,
    pattern: new RegExp(`^/${PID}${path}$`),
  })),
];

/** Query parameters that must never pass, even on an allowed path. */
const forbiddenParams = ['with_passwords'];

export type AllowDecision = { allowed: true } | { allowed: false; reason: string };

export function checkAllowed(
  method: string,
  pathname: string,
  search: URLSearchParams,
): AllowDecision {
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'POST') {
    return { allowed: false, reason: `method ${upper} is never forwarded (read-only dashboard)` };
  }
  // Refuse anything that could escape the path match once the upstream decodes it.
  if (pathname.includes('..') || pathname.includes('//') || /%2f|%5c|%2e/i.test(pathname)) {
    return { allowed: false, reason: `path ${pathname} is not a plain CATMAID path` };
  }
  const route = routes.find((r) => r.pattern.test(pathname));
  if (!route)
    return {
      allowed: false,
      reason: `${upper} ${pathname} is not on the proxy's read-endpoint allowlist`,
    };
  if (!route.methods.includes(upper)) {
    return {
      allowed: false,
      reason: `${upper} ${pathname} is not allowed (only ${route.methods.join('/')})`,
    };
  }
  const bad = forbiddenParams.find((p) => search.has(p));
  if (bad) return { allowed: false, reason: `parameter ${bad} is never forwarded` };
  return { allowed: true };
}
