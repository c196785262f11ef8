/**
 * The demo server's raw answer to one request, straight from its dispatcher: tests compute what
 * a view should show from this, independently of the app's decoders and analysis.
 */
import { dispatch } from '../../server/demo/dispatch.ts';
import { Params } from '../../server/demo/http/params.ts';
import { CATMAID_TEST_BASE, demoStore } from './handlers.ts';

export function demoAnswer(
  method: 'GET' | 'POST',
  path: string,
  params: readonly [string, string][] = [],
): unknown {
  const search = new URLSearchParams([...params]);
  const out = dispatch({
    method,
    path,
    query: method === 'GET' ? Params.fromSearch(search) : new Params([]),
    body: method === 'POST' ? Params.fromSearch(search) : new Params([]),
    token: null,
    expectedToken: null,
    store: demoStore(),
    baseUrl: `${CATMAID_TEST_BASE}/`,
  });
  if (out.status !== 200) throw new Error(`demo answered ${out.status} to ${method} ${path}`);
  return JSON.parse(String(out.body)) as unknown;
}
