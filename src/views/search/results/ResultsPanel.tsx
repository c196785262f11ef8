import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { neuronDetailsQuery } from '../../../api/neuron-details.ts';
import type { SkeletonSummary } from '../../../api/skeleton-summary.ts';
import type { User } from '../../../api/users.ts';
import { runChunked } from '../../../lib/http/chunked.ts';
import { downloadText } from '../../../lib/download.ts';
import type { SearchSort } from '../../../state/search-url.ts';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { ErrorMessage } from '../../shared/ErrorMessage.tsx';
import { tableCsv } from '../../../components/table/table-export.ts';
import { useDataTable } from '../../../components/table/use-data-table.ts';
import { resultColumns } from './results-columns.tsx';
import type { ResultRow } from './result-row.ts';
import { ResultsTable } from './ResultsTable.tsx';
import { emptyRowSelection, type RowSelection } from './row-selection.ts';
import { useSortedRows } from './use-sorted-rows.ts';
import { cachedCreators, useVisibleCreators } from './use-creators.ts';
import type { SearchResults } from './use-search-results.ts';
import { statusText } from './status-text.ts';
import { useSearchFacts } from './facts/use-search-facts.ts';
import { SearchFactsPicker } from './facts/SearchFactsPicker.tsx';
import { QueryErrorMessage } from '../../shared/QueryErrorMessage.tsx';

/** Creators are fetched per neuron; a CSV of up to this many rows waits for all of them. */
const CSV_CREATOR_LIMIT = 2000;
const NO_ROWS: readonly ResultRow[] = [];

interface Props {
  results: SearchResults;
  summaries: ReadonlyMap<number, SkeletonSummary> | undefined;
  usersById: ReadonlyMap<number, User> | undefined;
  sort: SearchSort | null;
  onSort: (column: string) => void;
  inSelection: ReadonlySet<number>;
  onAddToSelection: (skeletonIds: number[]) => void;
}

export function ResultsPanel({
  results,
  summaries,
  usersById,
  sort,
  onSort,
  inSelection,
  onAddToSelection,
}: Props) {
  const scope = useProjectScope();
  const queryClient = useQueryClient();
  // Deferred: a page arriving re-renders the table in a render of its own that React can
  // interrupt, not in the same task as the page's decoding and the status update.
  const rows = useDeferredValue(useMemo(() => results.rows ?? [], [results.rows]));
  const [rowSelection, setRowSelection] = useState<RowSelection>(emptyRowSelection);
  const [visible, setVisible] = useState<number[]>([]);
  const onVisibleRows = useCallback((r: ResultRow[]) => setVisible(r.map((x) => x.skeletonId)), []);
  const [exporting, setExporting] = useState<unknown>(null);
  const creators = useVisibleCreators(scope, visible, usersById);
  const ctx = useMemo(() => ({ summaries, creators }), [summaries, creators]);
  const facts = useSearchFacts({
    scope,
    visible,
    rows,
    summaries,
    usersById,
    sortColumn: sort?.column,
  });
  // A creator sort uses the creators cached when it is chosen: re-sorting as more arrive
  // while scrolling would move rows under the pointer.
  const sortCtx = useMemo(
    () => ({
      summaries,
      creators:
        sort?.column === 'creator'
          ? cachedCreators(queryClient, scope, rows, usersById)
          : new Map<number, string>(),
    }),
    [sort?.column, queryClient, scope, rows, usersById, summaries],
  );
  // The parent passes a new set on every render: keep the columns while its content stays.
  const inSelectionKey = [...inSelection].join(',');
  const selectionSet = useMemo(
    () => new Set(inSelectionKey ? inSelectionKey.split(',').map(Number) : []),
    [inSelectionKey],
  );
  const columns = useMemo(
    () => [...resultColumns(sortCtx, ctx, selectionSet), ...facts.columns],
    [sortCtx, ctx, selectionSet, facts.columns],
  );
  // Sort keys read with the sort context only, so cells filling in do not start a new sort.
  const sortColumns = useMemo(
    () => [...resultColumns(sortCtx, sortCtx, selectionSet), ...facts.sortColumns],
    [sortCtx, selectionSet, facts.sortColumns],
  );
  const sorted = useSortedRows(rows, sortColumns, sort);
  // The table model holds the columns and the sort only: the rows go to the table as they are
  // (a row source), so a page arriving costs no pass over all rows built so far.
  const table = useDataTable({
    data: NO_ROWS,
    presorted: true,
    columns,
    getRowId: (r) => r.skeletonId,
    sort: sorted.applied
      ? { id: sorted.applied.column, desc: sorted.applied.dir === 'desc' }
      : null,
    onSortChange: (next) => onSort(next.id),
  });
  const shown = sorted.rows;
  const chosen = useMemo(
    () =>
      rowSelection.selected.size === 0
        ? []
        : shown.filter((r) => rowSelection.selected.has(r.skeletonId)).map((r) => r.skeletonId),
    [shown, rowSelection],
  );

  async function exportCsv() {
    setExporting(true);
    try {
      if (shown.length <= CSV_CREATOR_LIMIT) {
        await runChunked(
          shown.map((r) => r.skeletonId),
          1,
          6,
          ([id]) =>
            id === undefined
              ? Promise.resolve(null)
              : queryClient.fetchQuery({ ...neuronDetailsQuery(scope, id), staleTime: Infinity }),
        );
      }
      const allCreators = cachedCreators(queryClient, scope, shown, usersById);
      const all = { summaries, creators: allCreators };
      downloadText(
        tableCsv(
          [...resultColumns(all, all, selectionSet), ...(await facts.csvColumns(shown))],
          shown,
        ),
        'catmaid-search-results.csv',
        'text/csv',
      );
      setExporting(null);
    } catch (err) {
      setExporting(err);
    }
  }

  return (
    <section aria-label="Search results" className="search-results">
      <div className="results-toolbar">
        <p role="status">{statusText(results, shown.length)}</p>
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => onAddToSelection(chosen)}
        >
          Add {chosen.length} to selection
        </button>
        <button
          type="button"
          disabled={shown.length === 0 || exporting === true}
          onClick={() => void exportCsv()}
        >
          {exporting === true ? 'Preparing CSV…' : 'Export CSV'}
        </button>
        <span className="hint">
          Click a row to select it; Shift-click for a range, Ctrl-click to add.
        </span>
        <SearchFactsPicker chosen={facts.chosen} onToggle={facts.toggle} />
      </div>
      <QueryErrorMessage query={facts.page} context="Skeleton summaries of the rows shown" />
      {exporting !== null && exporting !== true ? (
        <ErrorMessage
          error={exporting}
          context="The CSV export failed"
          onRetry={() => void exportCsv()}
        />
      ) : null}
      <ResultsTable
        table={table}
        rows={shown}
        rowSelection={rowSelection}
        onRowSelection={setRowSelection}
        onVisibleChange={onVisibleRows}
      />
    </section>
  );
}
