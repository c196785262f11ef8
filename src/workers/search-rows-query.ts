/**
 * The search's result pages, decoded off the main thread: each query-targets page is fetched,
 * parsed and validated in a worker (search-worker.ts) and arrives as row columns. Where no
 * worker can run (tests in jsdom), or when the worker's attempt failed, the page is fetched on
 * the main thread through the normal client (time-sliced decoding, typed errors, retries).
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { fetchNeuronSearch, type NeuronSearchParams } from '../api/neuron-search.ts';
import { projectKey, type ProjectScope } from '../api/scope.ts';
import { columnsFromEntities, type SearchRowColumns } from '../api/search-row-columns.ts';
import type { SearchPageRequest, SearchReply } from './search-protocol.ts';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: SearchReply) => void>();

function searchWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (!worker) {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
      type: 'module',
      name: 'search-decoder',
    });
    worker.onmessage = (e: MessageEvent<SearchReply>) => {
      waiting.get(e.data.requestId)?.(e.data);
      waiting.delete(e.data.requestId);
    };
    worker.onerror = (e) => {
      // A crashed worker: every page it owed is asked again on the main thread.
      e.preventDefault();
      for (const [id, done] of waiting) done({ requestId: id, ok: false });
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

function askWorker(
  w: Worker,
  scope: ProjectScope,
  params: NeuronSearchParams,
  signal: AbortSignal | undefined,
): Promise<SearchReply> {
  const requestId = nextId++;
  return new Promise((resolve) => {
    waiting.set(requestId, resolve);
    signal?.addEventListener('abort', () => {
      w.postMessage({ type: 'cancel', requestId });
      waiting.delete(requestId);
      resolve({ requestId, ok: false });
    });
    const req: SearchPageRequest = {
      type: 'page',
      requestId,
      baseUrl: scope.client.baseUrl,
      timeoutMs: scope.client.timeoutMs,
      server: scope.server,
      projectId: scope.projectId,
      params,
    };
    w.postMessage(req);
  });
}

async function fetchSearchRowColumns(
  scope: ProjectScope,
  params: NeuronSearchParams,
  signal?: AbortSignal,
): Promise<SearchRowColumns> {
  const w = searchWorker();
  if (w) {
    const reply = await askWorker(w, scope, params, signal);
    signal?.throwIfAborted();
    if (reply.ok) return reply.columns;
  }
  const page = await fetchNeuronSearch(scope, params, { signal });
  return columnsFromEntities(page.entities, page.total);
}

/**
 * All matches, page by page (query-targets range_start/range_length) so a 100,000-neuron
 * project shows results while the rest load. Stops at `maxRows`.
 */
export function searchRowPagesQuery(
  scope: ProjectScope,
  params: NeuronSearchParams,
  pageSize: number,
  maxRows: number,
) {
  return infiniteQueryOptions({
    queryKey: [...projectKey(scope), 'search-row-pages', params, { pageSize, maxRows }] as const,
    queryFn: ({ signal, pageParam }) =>
      fetchSearchRowColumns(
        scope,
        { ...params, rangeStart: pageParam, rangeLength: pageSize },
        signal,
      ),
    initialPageParam: 0,
    // Pages are never equal to earlier ones in part: comparing them deeply would only cost time.
    structuralSharing: false,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.entityCount, 0);
      // An empty page ends the loop even if totalRecords promised more (concurrent deletions).
      return last.entityCount > 0 && loaded < Math.min(last.total, maxRows) ? loaded : undefined;
    },
  });
}
