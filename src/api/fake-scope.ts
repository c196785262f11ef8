/**
 * A ProjectScope backed by a scripted fetch, for unit, contract and component tests: feed it
 * recorded responses (status + body) and inspect the requests the fetchers made.
 */
import { createCatmaidClient } from '../lib/http/client.ts';
import {
  createFakeFetch,
  type FakeCall,
  type FakeFetch,
  type FakeReply,
} from '../lib/http/fake-fetch.ts';
import type { ProjectScope } from './scope.ts';

export interface FakeScope {
  scope: ProjectScope;
  fake: FakeFetch;
}

export function fakeScope(
  handler: (call: FakeCall, index: number) => FakeReply | Promise<FakeReply>,
  projectId = 6,
): FakeScope {
  const fake = createFakeFetch(handler);
  const client = createCatmaidClient({
    baseUrl: '/api/catmaid',
    fetchImpl: fake.fetch,
    retries: 0,
  });
  return { scope: { client, server: 'test', projectId }, fake };
}

/** Parsed form body / query string of a recorded call, as ordered pairs. */
export function callParams(call: FakeCall | undefined): [string, string][] {
  if (!call) return [];
  const query = call.url.includes('?') ? call.url.slice(call.url.indexOf('?') + 1) : '';
  return [...new URLSearchParams(call.method === 'POST' ? (call.body ?? '') : query)];
}
