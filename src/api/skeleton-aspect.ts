/**
 * Per-skeleton facts (name, review status, annotations, summary) cached per skeleton id and
 * batched on the wire.
 *
 * Each fact of each skeleton is one react-query entry, `[…scope, 'skeletons', skid, aspect]`, so
 * every view that shows skeleton 42's name reads the same entry whatever id list it asked with.
 * A view asks for a whole list through `mapQuery(scope, ids)`: its query function takes what the
 * per-id entries already hold, sends the rest through one batcher per project (concurrent asks
 * from several views become one request per chunk) and seeds the per-id entries with the answers.
 *
 * Why not `useQueries` over per-id queries: 10,000 ids would be 10,000 observers, each
 * subscribed, each re-running `combine` on every settle; one list query that reads and seeds the
 * per-id cache costs one observer and a Map. The trade-off: the list query holds its own Map, so
 * a per-id refresh shows in a list after the list's next fetch (invalidating the project prefix
 * refreshes both).
 */
import { hashKey, queryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { CatmaidClient } from '../lib/http/client.ts';
import { forEachTimeSliced } from '../lib/time-sliced.ts';
import { createIdBatcher, untilAborted, type IdBatcher } from '../lib/http/id-batcher.ts';
import { projectKey, type ProjectScope } from './scope.ts';
import { seedQueriesSliced } from './seed-queries.ts';

export interface SkeletonAspectSpec<T> {
  /** The last key segment of the per-id entries, e.g. `name`. */
  aspect: string;
  /** The first segment after the scope of list queries (kept from the set-keyed era). */
  listKey: string;
  /** The batched wire fetch (already chunked); ids the server does not know are absent. */
  fetchMany(scope: ProjectScope, ids: readonly number[]): Promise<ReadonlyMap<number, T>>;
}

export interface SkeletonAspect<T> {
  readonly aspect: string;
  /** One skeleton's entry; `null` when the server does not know the skeleton. */
  query(scope: ProjectScope, skeletonId: number): ReturnType<typeof perIdOptions<T>>;
  /** Cached where possible, batched otherwise; seeds the per-id entries. */
  loadMany(
    client: QueryClient,
    scope: ProjectScope,
    ids: readonly number[],
    signal?: AbortSignal,
  ): Promise<Map<number, T>>;
  /** A `Map<skid, T>` for a list of ids (sorted and de-duplicated into the key). */
  mapQuery(scope: ProjectScope, ids: readonly number[]): ReturnType<typeof listOptions<T>>;
}

function perIdOptions<T>(
  scope: ProjectScope,
  aspect: string,
  skeletonId: number,
  fetchOne: (signal: AbortSignal) => Promise<T | null>,
) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'skeletons', skeletonId, aspect] as const,
    queryFn: ({ signal }) => fetchOne(signal),
  });
}

/**
 * A list key's hash (the default one), remembered per id array: react-query hashes the key on
 * every render of every observer, and for 50,000 ids that took tens of milliseconds each time.
 * Callers that keep the options (useMemo) pay it once.
 */
const listHashes = new WeakMap<readonly number[], string>();

export function listKeyHash(queryKey: QueryKey): string {
  const last = queryKey[queryKey.length - 1] as { skids?: unknown } | undefined;
  const skids = last?.skids;
  if (!Array.isArray(skids) || Object.keys(last ?? {}).length !== 1) return hashKey(queryKey);
  let hash = listHashes.get(skids);
  if (hash === undefined) {
    // The string `hashKey` gives, built without its replacer running once per id.
    const head = hashKey(queryKey.slice(0, -1)).slice(0, -1);
    hash = `${head}${head.length > 1 ? ',' : ''}{"skids":${JSON.stringify(skids)}}]`;
    listHashes.set(skids, hash);
  }
  return hash;
}

function listOptions<T>(
  scope: ProjectScope,
  listKey: string,
  skids: number[],
  load: (client: QueryClient, signal: AbortSignal) => Promise<Map<number, T>>,
) {
  return queryOptions({
    queryKey: [...projectKey(scope), listKey, { skids }] as const,
    queryKeyHashFn: listKeyHash,
    queryFn: ({ client, signal }) => load(client, signal),
  });
}

export function defineSkeletonAspect<T>(spec: SkeletonAspectSpec<T>): SkeletonAspect<T> {
  // One batcher per client and project: scopes are rebuilt per render, the client is not.
  const batchers = new WeakMap<CatmaidClient, Map<string, IdBatcher<T>>>();
  const batcherFor = (scope: ProjectScope): IdBatcher<T> => {
    let byProject = batchers.get(scope.client);
    if (!byProject) batchers.set(scope.client, (byProject = new Map()));
    const key = `${scope.server}\u0000${scope.projectId}`;
    let batcher = byProject.get(key);
    if (!batcher) {
      batcher = createIdBatcher((ids) => spec.fetchMany(scope, ids));
      byProject.set(key, batcher);
    }
    return batcher;
  };
  const keyOf = (scope: ProjectScope, skid: number) =>
    [...projectKey(scope), 'skeletons', skid, spec.aspect] as const;

  function fetchAndSeed(
    client: QueryClient,
    scope: ProjectScope,
    ids: readonly number[],
    signal: AbortSignal | undefined,
  ): Promise<Map<number, T>> {
    // The answer seeds the cache even when this caller has gone (unmounted view): others want it.
    const seeded = batcherFor(scope)
      .load(ids)
      .then(async (got) => {
        // Keys built in time slices too: 50,000 of them are a long task of their own.
        const entries: [QueryKey, T | null][] = [];
        await forEachTimeSliced(ids, (id) => entries.push([keyOf(scope, id), got.get(id) ?? null]));
        await seedQueriesSliced<T | null>(client, entries);
        return got;
      });
    return untilAborted(seeded, signal);
  }

  const aspect: SkeletonAspect<T> = {
    aspect: spec.aspect,
    query: (scope, skeletonId) =>
      perIdOptions<T>(scope, spec.aspect, skeletonId, async (signal) => {
        // React-query calls this only when the entry must be (re)fetched: go to the wire.
        const got = await batcherFor(scope).load([skeletonId], signal);
        return got.get(skeletonId) ?? null;
      }),
    async loadMany(client, scope, ids, signal) {
      const unique = [...new Set(ids)];
      const cached = new Map<number, T | null>();
      const missing: number[] = [];
      const cache = client.getQueryCache();
      // An entry older than the client's staleTime is asked again, as its own query would be.
      const staleTime = client.getDefaultOptions().queries?.staleTime;
      const freshSince = Date.now() - (typeof staleTime === 'number' ? staleTime : Infinity);
      // In time slices: hashing 50,000 keys blocked the main thread for about 100 ms.
      await forEachTimeSliced(unique, (id) => {
        // The cache's own hash lookup: `getQueryState` re-derives the default options per call,
        // 4-5x slower, which shows at 10,000 ids. (No custom queryKeyHashFn is in use.)
        const state = cache.get<T | null>(hashKey(keyOf(scope, id)))?.state;
        const fresh = state && !state.isInvalidated && state.dataUpdatedAt >= freshSince;
        if (fresh && state.data !== undefined) cached.set(id, state.data);
        else missing.push(id);
      });
      const fetched =
        missing.length > 0 ? await fetchAndSeed(client, scope, missing, signal) : new Map();
      const out = new Map<number, T>();
      await forEachTimeSliced(unique, (id) => {
        const value = cached.has(id) ? cached.get(id) : fetched.get(id);
        if (value !== undefined && value !== null) out.set(id, value);
      });
      return out;
    },
    mapQuery(scope, ids) {
      const skids = [...new Set(ids)].sort((a, b) => a - b);
      return listOptions<T>(scope, spec.listKey, skids, (client, signal) =>
        aspect.loadMany(client, scope, skids, signal),
      );
    },
  };
  return aspect;
}
