/**
 * Names of the selected neurons, fetched in chunks of NEURON_NAMES_CHUNK ids in selection
 * order: adding neurons refetches only the last chunk, and a failed or stalled chunk costs only
 * its own names (shown as "skeleton <id>", with an error and Retry) — never the selection.
 * While a changed chunk loads, the names already known are kept on screen.
 */
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { NEURON_NAMES_CHUNK, neuronNamesQuery } from '../../api/neuron-names.ts';
import { splitChunks } from '../../lib/http/chunked.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';

export interface SelectionNames {
  nameOf(skeletonId: number): { name: string; missing: boolean };
  /** The first error of a failed chunk, or null. */
  error: unknown;
  /** Chunks still loading and chunks failed, of `chunks`. */
  pending: number;
  failed: number;
  chunks: number;
  retry(): void;
}

export function useSelectionNames(skeletonIds: readonly number[]): SelectionNames {
  const scope = useProjectScope();
  const chunks = useMemo(() => splitChunks(skeletonIds, NEURON_NAMES_CHUNK), [skeletonIds]);
  const combined = useQueries({
    queries: chunks.map((chunk) => neuronNamesQuery(scope, chunk)),
    combine: useCallback(
      (results: UseQueryResult<Map<number, string>>[]) => {
        const names = new Map<number, string>();
        const answered = new Set<number>();
        results.forEach((r, k) => {
          if (!r.data) return;
          for (const [id, name] of r.data) names.set(id, name);
          if (r.isSuccess) for (const id of chunks[k] ?? []) answered.add(id);
        });
        const failed = results.filter((r) => r.isError);
        return {
          names,
          answered,
          error: failed[0]?.error ?? null,
          failed: failed.length,
          pending: results.filter((r) => r.isPending).length,
          refetchFailed: () => {
            for (const r of failed) void r.refetch();
          },
        };
      },
      [chunks],
    ),
  });
  // Names seen before stay until their chunk answers again (no flicker to "skeleton 123"): an
  // append-only cache, filled once per new answer.
  const [seen] = useState(() => new Map<number, string>());
  const known = useMemo(() => {
    for (const [id, name] of combined.names) seen.set(id, name);
    return seen;
  }, [combined.names, seen]);
  return {
    nameOf: (id) => {
      const name = known.get(id);
      if (name !== undefined) return { name, missing: false };
      return { name: `skeleton ${id}`, missing: combined.answered.has(id) };
    },
    error: combined.error,
    pending: combined.pending,
    failed: combined.failed,
    chunks: chunks.length,
    retry: combined.refetchFailed,
  };
}
