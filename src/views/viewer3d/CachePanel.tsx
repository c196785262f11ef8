import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  clearServerCache,
  serverCacheStatsQuery,
  type ServerCacheStats,
} from '../../api/server-cache.ts';
import { createCatmaidClient } from '../../lib/http/client.ts';
import { formatCount } from '../../lib/format.ts';
import { clearSkeletonCopies } from '../../workers/skeleton-store.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';

function megabytes(bytes: number): string {
  return `${formatCount(Math.round(bytes / 2 ** 20))} MB`;
}

/** How busy the lab's CATMAID slots are: a slow dashboard told apart from a busy CATMAID. */
function describeUpstream(u: NonNullable<ServerCacheStats['upstream']>): string {
  const waiting =
    u.queued === 0
      ? 'none waiting'
      : `${formatCount(u.queued)} waiting, from ${formatCount(u.waitingBrowsers)} ${u.waitingBrowsers === 1 ? 'browser' : 'browsers'}`;
  return `CATMAID skeleton requests now: ${formatCount(u.active)} of ${formatCount(u.limit)} at once, ${waiting}.`;
}

function describeStats(s: ServerCacheStats | null): string {
  if (s === null) return 'The dashboard server keeps no shared skeleton cache.';
  if (s.backend === 'off') return 'The dashboard server’s shared skeleton cache is switched off.';
  return (
    `Dashboard server cache (${s.backend}): ${formatCount(s.entries)} entries, ` +
    `${megabytes(s.bytes)} of ${megabytes(s.maxBytes)}; ${formatCount(s.hits)} hits, ` +
    `${formatCount(s.misses)} misses, ${formatCount(s.stale)} stale`
  );
}

/**
 * "Clear skeleton cache": drops this browser's copies (OPFS and IndexedDB) and the dashboard
 * server's shared cache, so every skeleton is fetched from CATMAID again (copies are checked
 * against CATMAID's edition times anyway; this is for a suspected bad copy or to free space). Folded by default:
 * the statistics are asked for only when someone opens it.
 */
export function CachePanel({
  clearBrowserCopy = clearSkeletonCopies,
}: {
  /** Injectable for tests (jsdom has no OPFS or IndexedDB). */
  clearBrowserCopy?: () => Promise<void>;
}) {
  // The server refuses a cache clear without this header (its cross-site guard, control.ts).
  const proxyClient = useMemo(
    () =>
      createCatmaidClient({ baseUrl: '/api', headers: { 'X-Requested-With': 'XMLHttpRequest' } }),
    [],
  );
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const stats = useQuery({ ...serverCacheStatsQuery(proxyClient), enabled: open });
  const clearing = useMutation({
    mutationFn: async () => {
      await clearBrowserCopy();
      return clearServerCache(proxyClient);
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: serverCacheStatsQuery(proxyClient).queryKey }),
  });
  return (
    <details
      className="viewer3d-cache"
      aria-label="Skeleton cache"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Skeleton cache</summary>
      <p role="status" aria-label="Server cache statistics">
        {open && stats.isPending ? 'Reading the server cache statistics…' : null}
        {stats.isSuccess ? describeStats(stats.data) : null}
      </p>
      {stats.data?.upstream ? (
        <p role="status" aria-label="CATMAID load">
          {describeUpstream(stats.data.upstream)}{' '}
          <button
            type="button"
            aria-label="Refresh the cache statistics"
            disabled={stats.isFetching}
            onClick={() => void stats.refetch()}
          >
            Refresh
          </button>
        </p>
      ) : null}
      {stats.isError ? (
        <ErrorMessage
          error={stats.error}
          context="Server cache statistics"
          onRetry={() => void stats.refetch()}
        />
      ) : null}
      <button type="button" disabled={clearing.isPending} onClick={() => clearing.mutate()}>
        Clear skeleton cache
      </button>
      {clearing.isSuccess ? (
        <p role="status" aria-label="Cache cleared">
          Cleared this browser’s copy
          {clearing.data === null
            ? ' (the dashboard server keeps no shared cache).'
            : ` and ${formatCount(clearing.data)} entries of the dashboard server’s cache.`}
        </p>
      ) : null}
      {clearing.isError ? (
        <ErrorMessage
          error={clearing.error}
          context="Clearing the skeleton cache"
          onRetry={() => clearing.mutate()}
        />
      ) : null}
    </details>
  );
}
