/// <reference lib="webworker" />
/**
 * Web Worker entry: fetches one query-targets page through the HTTP client, parses and validates
 * it and hands back result-row columns with their buffers transferred (search-row-columns.ts).
 * Any failure is answered with `ok: false` and nothing else: the main thread then asks again
 * through its own client, which retries and raises the typed error the view shows.
 */
import { queryTargetsEndpoint } from '../api/neuron-search.ts';
import { decodeSearchRowColumns, transferablesOf } from '../api/search-row-columns.ts';
import { createCatmaidClient, type CatmaidClient } from '../lib/http/client.ts';
import { isSearchCancel, isSearchPageRequest, type SearchReply } from './search-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const clients = new Map<string, CatmaidClient>();
const controllers = new Map<number, AbortController>();

function clientFor(baseUrl: string, timeoutMs: number): CatmaidClient {
  const key = `${baseUrl}|${timeoutMs}`;
  let c = clients.get(key);
  if (!c) {
    // No retries here: a failed page is asked again on the main thread, which retries.
    c = createCatmaidClient({
      baseUrl: new URL(baseUrl, self.location.origin).href,
      timeoutMs,
      retries: 0,
    });
    clients.set(key, c);
  }
  return c;
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (isSearchCancel(msg)) {
    controllers.get(msg.requestId)?.abort(new DOMException('search cancelled', 'AbortError'));
    return;
  }
  if (!isSearchPageRequest(msg)) return;
  const controller = new AbortController();
  controllers.set(msg.requestId, controller);
  const scope = {
    client: clientFor(msg.baseUrl, msg.timeoutMs),
    server: msg.server,
    projectId: msg.projectId,
  };
  queryTargetsEndpoint
    .fetch(scope, msg.params, { signal: controller.signal })
    .then((wire) => {
      const columns = decodeSearchRowColumns(wire);
      const reply: SearchReply = { requestId: msg.requestId, ok: true, columns };
      self.postMessage(reply, transferablesOf(columns));
    })
    .catch(() => {
      const reply: SearchReply = { requestId: msg.requestId, ok: false };
      self.postMessage(reply);
    })
    .finally(() => controllers.delete(msg.requestId));
};
