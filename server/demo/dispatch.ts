/**
 * Request → route → handler → bytes. Also the Django/DRF behaviours around routing: trailing
 * slash redirects, 405 for DRF views, 401 for a foreign token, 500 for an unknown project.
 */
import { routes, type Route } from './routes.ts';
import {
  CatmaidError,
  DrfError,
  HtmlError,
  catmaidErrorBody,
  doesNotExist,
  htmlPage,
} from './http/errors.ts';
import { ANONYMOUS_TOKEN } from './handlers/meta.ts';
import type { Params } from './http/params.ts';
import { Raw, type DemoStore } from './http/types.ts';

export interface Incoming {
  method: string;
  path: string;
  query: Params;
  body: Params;
  token: string | null;
  expectedToken: string | null;
  store: DemoStore;
  baseUrl: string;
}

export interface Outcome {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers: Record<string, string>;
}

const json = (status: number, value: unknown): Outcome => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(value),
  headers: {},
});
const html = (status: number, title: string): Outcome => ({
  status,
  contentType: 'text/html; charset=utf-8',
  body: htmlPage(status, title),
  headers: {},
});

function findRoute(path: string): { route: Route; match: RegExpExecArray } | null {
  for (const route of routes) {
    const match = route.re.exec(path);
    if (match) return { route, match };
  }
  return null;
}

function noRoute(inc: Incoming): Outcome {
  const toggled = inc.path.endsWith('/') ? null : `${inc.path}/`;
  if (toggled && findRoute(toggled)) {
    // Django's APPEND_SLASH: GETs are redirected, POSTs cannot be (their body would be lost).
    if (inc.method === 'GET')
      return {
        status: 301,
        contentType: 'text/html; charset=utf-8',
        body: '',
        headers: {
          Location:
            toggled +
            (inc.query.pairs.length > 0
              ? `?${new URLSearchParams([...inc.query.pairs]).toString()}`
              : ''),
        },
      };
    return html(500, 'RuntimeError at ' + inc.path);
  }
  return html(404, 'Page not found (404)');
}

function run(inc: Incoming, route: Route, match: RegExpExecArray): unknown {
  const params = route.params === 'post' || inc.method === 'POST' ? inc.body : inc.query;
  const base = { method: inc.method, params, store: inc.store, baseUrl: inc.baseUrl };
  if (route.global) return route.global({ ...base, args: match.slice(1) });
  const pid = Number(match[1]);
  const project = inc.store.projects.get(pid);
  if (!project) throw doesNotExist('Project');
  if (!route.project) throw new Error('route without handler');
  return route.project({ ...base, args: match.slice(2), project });
}

export function dispatch(inc: Incoming): Outcome {
  const found = findRoute(inc.path);
  if (!found) return noRoute(inc);
  const { route, match } = found;
  if (!route.methods.includes(inc.method as 'GET' | 'POST')) {
    if (route.drf || inc.method !== 'HEAD')
      return json(405, { detail: `Method "${inc.method}" not allowed.` });
  }
  if (
    inc.expectedToken !== null &&
    inc.token !== null &&
    inc.token !== inc.expectedToken &&
    inc.token !== ANONYMOUS_TOKEN &&
    inc.path !== '/version'
  ) {
    return json(401, { detail: 'Invalid token.' });
  }
  try {
    const result = run(inc, route, match);
    if (result instanceof Raw)
      return {
        status: result.status,
        contentType: result.contentType,
        body: result.body,
        headers: {},
      };
    return json(200, result);
  } catch (e) {
    if (e instanceof CatmaidError) return json(e.status, catmaidErrorBody(e));
    if (e instanceof DrfError) return json(e.status, { detail: e.detail });
    if (e instanceof HtmlError) return html(e.status, e.title);
    throw e;
  }
}
