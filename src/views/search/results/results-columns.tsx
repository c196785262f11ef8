/** The search results' columns: how each is shown, sorted and written to CSV. */
import type { ReactNode } from 'react';
import type { SkeletonSummary } from '../../../api/skeleton-summary.ts';
import type { ResultRow } from './result-row.ts';

export interface ColumnContext {
  summaries: ReadonlyMap<number, SkeletonSummary> | undefined;
  /** Creator logins known so far (loaded for visible rows). */
  creators: ReadonlyMap<number, string>;
}

export interface ResultColumn {
  id: string;
  label: string;
  /** CSS width of the column (the table uses a fixed layout). */
  width: string;
  numeric?: boolean;
  /** Sort key and CSV value; undefined = not known (yet). */
  value: (row: ResultRow, ctx: ColumnContext) => string | number | undefined;
  render?: (row: ResultRow, ctx: ColumnContext) => ReactNode;
}

function day(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10);
}

export const resultColumns: readonly ResultColumn[] = [
  { id: 'name', width: '14rem', label: 'Name', value: (r) => r.name },
  {
    id: 'skeleton_id',
    width: '7.5rem',
    label: 'Skeleton ID',
    numeric: true,
    value: (r) => r.skeletonId,
  },
  {
    id: 'annotations',
    width: 'auto',
    label: 'Annotations',
    value: (r) => r.annotations.map((a) => a.name).join('; '),
    render: (r) => (
      <ul className="chips" aria-label={`Annotations of ${r.name}`}>
        {r.annotations.map((a) => (
          <li key={a.id}>{a.name}</li>
        ))}
      </ul>
    ),
  },
  {
    id: 'nodes',
    width: '5.5rem',
    label: 'Nodes',
    numeric: true,
    value: (r, c) => c.summaries?.get(r.skeletonId)?.nodeCount,
  },
  {
    id: 'cable',
    width: '6.5rem',
    label: 'Cable (µm)',
    numeric: true,
    value: (r, c) => {
      const nm = c.summaries?.get(r.skeletonId)?.cableLength;
      return nm === undefined ? undefined : Math.round(nm / 100) / 10;
    },
    render: (r, c) => {
      const nm = c.summaries?.get(r.skeletonId)?.cableLength;
      return nm === undefined ? '…' : (nm / 1000).toFixed(1);
    },
  },
  {
    id: 'creator',
    width: '7.5rem',
    label: 'Creator',
    value: (r, c) => c.creators.get(r.skeletonId),
  },
  {
    id: 'created',
    width: '7rem',
    label: 'Created',
    value: (r, c) => day(c.summaries?.get(r.skeletonId)?.createdAt),
  },
  {
    id: 'edited',
    width: '7rem',
    label: 'Last edited',
    value: (r, c) => day(c.summaries?.get(r.skeletonId)?.lastEditedAt),
  },
];

/** Stable sort; unknown values go last in either direction. */
export function sortRows(
  rows: readonly ResultRow[],
  column: ResultColumn,
  dir: 'asc' | 'desc',
  ctx: ColumnContext,
): ResultRow[] {
  const keyed = rows.map((row, i) => ({ row, i, v: column.value(row, ctx) }));
  const sign = dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined)
      return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
    const cmp =
      typeof a.v === 'number' && typeof b.v === 'number'
        ? a.v - b.v
        : String(a.v).localeCompare(String(b.v), undefined, { numeric: true });
    return cmp === 0 ? a.i - b.i : sign * cmp;
  });
  return keyed.map((k) => k.row);
}
