/**
 * The three places that know CATMAID endpoints must agree: the app's route list (which every api
 * module declares its endpoint from), the proxy allowlist (derived from it) and the demo server's
 * route table (kept by hand, like CATMAID's urls.py, so it is checked here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routes as demoRoutes } from '../../server/demo/routes.ts';
import { ALLOWED_ROUTES, PROXY_EXTRAS, checkAllowed } from '../../server/proxy/allowlist.ts';
import { ROUTES, routeName, routePattern, samplePath, type RouteName } from './endpoint-list.ts';

const declared = Object.entries(ROUTES) as [RouteName, (typeof ROUTES)[RouteName]][];
const allowed = (method: string, path: string) =>
  checkAllowed(method, path, new URLSearchParams()).allowed;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}
const srcDir = fileURLToPath(new URL('..', import.meta.url));
const sources = sourceFiles(srcDir).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('endpoint declarations', () => {
  it('every route is declared by an api module, and no source builds a CATMAID path by hand', () => {
    const apiText = sources
      .filter((s) => s.file.includes('/api/') && !s.file.endsWith('endpoint-list.ts'))
      .map((s) => s.text)
      .join('\n');
    const unused = declared.filter(([name]) => !apiText.includes(`ROUTES.${name}`));
    expect(unused.map(([name]) => name)).toEqual([]);
    const handBuilt = sources.filter((s) => /`\/\$\{[\w.]*projectId\}\//.test(s.text));
    expect(handBuilt.map((s) => s.file)).toEqual([]);
  });

  it('templates are unique per method', () => {
    const names = declared.map(([, r]) => routeName(r));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('proxy allowlist', () => {
  it.each(declared)('allows %s, with its method only', (_, route) => {
    const path = samplePath(route.path);
    expect(allowed(route.method, path)).toBe(true);
    const other = route.method === 'GET' ? 'POST' : 'GET';
    const sameOther = declared.some(
      ([, r]) => r.method === other && new RegExp(routePattern(r.path)).test(path),
    );
    expect(allowed(other, path)).toBe(sameOther);
  });

  it('allows nothing the app does not declare, apart from the documented extras', () => {
    const extras = ALLOWED_ROUTES.filter((r) => !Object.values(ROUTES).includes(r as never));
    expect(extras).toEqual(PROXY_EXTRAS);
    for (const extra of PROXY_EXTRAS) {
      expect(extra.why.length).toBeGreaterThan(20);
      expect(declared.some(([, r]) => routeName(r) === routeName(extra))).toBe(false);
    }
  });

  it.each([
    ['GET', '/1/'],
    ['GET', '/permissions'],
    ['GET', '/1/skeleton/16/swc'],
    ['POST', '/1/annotations/query'],
    ['GET', '/1/skeletons/16/compact-detailx'],
    ['GET', '/x/stacks'],
  ])('refuses the undeclared %s %s', (method, path) => {
    expect(allowed(method, path)).toBe(false);
  });
});

describe('demo server', () => {
  it.each(declared)('routes %s with its method', (_, route) => {
    const path = samplePath(route.path);
    const match = demoRoutes.find((r) => r.re.test(path));
    expect(match, `no demo route for ${routeName(route)}`).toBeDefined();
    expect(match?.methods).toContain(route.method);
  });
});
