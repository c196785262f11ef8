/**
 * The read endpoints the dashboard may reach through the proxy, by method and path.
 *
 * CATMAID answers many reads only to POST (query-targets, connectivity, neuronnames, batch
 * compact-detail…) and some writes to GET (`tags/…/update`, `volumes/{id}/update-meta-info`), so a
 * method-based guard is useless: this is an allowlist of (method, anchored path) pairs. It is
 * derived from the app's own endpoint declarations (`src/api/endpoint-list.ts`): the proxy lets
 * through exactly what the dashboard calls, plus the extras below. Anything else is refused
 * before it reaches the upstream.
 */
import { ROUTES, routePattern, type EndpointRoute } from '../../src/api/endpoint-list.ts';

export interface ProxyExtra extends EndpointRoute {
  /** Why the proxy allows a route the app does not call. */
  why: string;
}

/** Routes allowed although no api module calls them; each says why. */
export const PROXY_EXTRAS: readonly ProxyExtra[] = [
  {
    method: 'GET',
    path: '/version',
    why: 'a harmless connection check for operators (curl through the proxy) and the e2e proxy test',
  },
  {
    method: 'GET',
    path: '/{pid}/skeletons/',
    why: 'the 3D benchmark (bench/run.ts) lists every skeleton id of the project through the proxy',
  },
];

/** Every (method, template) the proxy forwards: the app's routes, then the extras. */
export const ALLOWED_ROUTES: readonly EndpointRoute[] = [...Object.values(ROUTES), ...PROXY_EXTRAS];

interface AllowedRoute {
  method: string;
  pattern: RegExp;
}

const routes: AllowedRoute[] = ALLOWED_ROUTES.map((r) => ({
  method: r.method,
  pattern: new RegExp(routePattern(r.path)),
}));

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
  const matching = routes.filter((r) => r.pattern.test(pathname));
  if (matching.length === 0)
    return {
      allowed: false,
      reason: `${upper} ${pathname} is not on the proxy's read-endpoint allowlist`,
    };
  if (!matching.some((r) => r.method === upper)) {
    return {
      allowed: false,
      reason: `${upper} ${pathname} is not allowed (only ${matching.map((r) => r.method).join('/')})`,
    };
  }
  const bad = forbiddenParams.find((p) => search.has(p));
  if (bad) return { allowed: false, reason: `parameter ${bad} is never forwarded` };
  return { allowed: true };
}
