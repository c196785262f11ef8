/**
 * MSW handlers for the CATMAID API, built from the app's route list (`src/api/endpoint-list.ts`):
 * one handler per declared route, answered by the embedded demo server's own dispatcher over its
 * generated data (seed 1, scale 1, read from the demo-data cache). A request to a route the app
 * does not declare is not handled, so MSW's `onUnhandledRequest: 'error'` fails the test — the
 * same rule as the proxy allowlist. Tests that need a fixture instead call `server.use(...)`.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { defaultCacheDir } from '../../server/demo/data/cache.ts';
import { dispatch } from '../../server/demo/dispatch.ts';
import { Params } from '../../server/demo/http/params.ts';
import type { DemoStore } from '../../server/demo/http/types.ts';
import { buildStore } from '../../server/demo/server.ts';
import { ROUTES, routePattern, type EndpointRoute } from '../../src/api/endpoint-list.ts';

/** Where the test client sends CATMAID requests (never a real host: MSW answers). */
export const CATMAID_TEST_BASE = 'http://catmaid.test/api/catmaid';

let store: DemoStore | undefined;

/** The demo data, built on first use (about a second from the cache) and then shared. */
export function demoStore(): DemoStore {
  store ??= buildStore(1, 1, defaultCacheDir, () => undefined);
  return store;
}

export interface RecordedCall {
  method: string;
  /** Path below the CATMAID root, e.g. `/1/skeleton/neuronnames`. */
  path: string;
  /** Query (GET) or form body (POST) as ordered pairs. */
  params: [string, string][];
}

/** Every request the handlers answered, in order; tests clear it with `calls.length = 0`. */
export const calls: RecordedCall[] = [];

const escaped = CATMAID_TEST_BASE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function handlerFor(route: EndpointRoute): RequestHandler {
  // Anchored on the base URL; MSW matches the URL without its query string.
  const url = new RegExp(`^${escaped}${routePattern(route.path).slice(1)}`);
  const on = route.method === 'GET' ? http.get : http.post;
  return on(url, async ({ request }) => {
    const u = new URL(request.url);
    const path = u.pathname.slice(new URL(CATMAID_TEST_BASE).pathname.length);
    const form = route.method === 'POST' ? new URLSearchParams(await request.text()) : null;
    const params = [...(form ?? u.searchParams)];
    calls.push({ method: route.method, path, params });
    const out = dispatch({
      method: route.method,
      path,
      query: Params.fromSearch(u.searchParams),
      body: form ? Params.fromSearch(form) : new Params([]),
      token: null,
      expectedToken: null,
      store: demoStore(),
      baseUrl: `${CATMAID_TEST_BASE}/`,
    });
    return new HttpResponse(out.body, {
      status: out.status,
      headers: { 'Content-Type': out.contentType, ...out.headers },
    });
  });
}

/** One handler per route the app declares. */
export const catmaidHandlers: readonly RequestHandler[] = Object.values(ROUTES).map(handlerFor);
