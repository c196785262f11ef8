/**
 * The search results' columns: how each is shown, sorted and written to CSV. Widths are wide
 * enough for a full date, a header with its sort arrow and a 7-digit count with separators; they
 * add up to fit beside the open selection panel at 1,500 px (e2e checks it).
 */
import type { SkeletonSummary } from '../../../api/skeleton-summary.ts';
import { column, type TableColumn } from '../../../components/table/define-column.ts';
import { formatCount, formatFixed, isoDate } from '../../../lib/format.ts';
import type { ResultRow } from './result-row.ts';
import { NeuronPageLink } from '../../shared/NeuronPageLink.tsx';

export interface ColumnContext {
  summaries: ReadonlyMap<number, SkeletonSummary> | undefined;
  /** Creator logins known so far (loaded for visible rows). */
  creators: ReadonlyMap<number, string>;
}

function day(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : isoDate(ms);
}

const cableUm = (r: ResultRow, c: ColumnContext) => {
  const nm = c.summaries?.get(r.skeletonId)?.cableLength;
  return nm === undefined ? undefined : Math.round(nm / 100) / 10;
};

/**
 * `sort` is what rows are sorted (and exported) by, `shown` what the cells show: a creator sort
 * uses the creators known when it was chosen, while cells show creators as they arrive.
 */
export function resultColumns(
  sort: ColumnContext,
  shown: ColumnContext,
  inSelection: ReadonlySet<number>,
): TableColumn<ResultRow>[] {
  const text = (v: string | undefined) => v ?? '…';
  return [
    column<ResultRow>({
      id: 'name',
      header: 'Name',
      width: '12rem',
      value: (r) => r.name,
      // The name stays plain text (a click on it selects the row); the page link sits at the end.
      cell: (r) => (
        <span className="name-with-page-link">
          <span>{r.name}</span>
          <NeuronPageLink skeletonId={r.skeletonId} name={r.name} className="row-page-link" icon />
        </span>
      ),
    }),
    column<ResultRow>({
      id: 'skeleton_id',
      header: 'Skeleton ID',
      width: '8rem',
      numeric: true,
      descFirst: false,
      format: String,
      value: (r) => r.skeletonId,
    }),
    column<ResultRow>({
      id: 'annotations',
      header: 'Annotations',
      width: 'auto',
      value: (r) => r.annotations.map((a) => a.name).join('; '),
      cell: (r) => (
        <ul className="chips" aria-label={`Annotations of ${r.name}`}>
          {r.annotations.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ul>
      ),
    }),
    column<ResultRow>({
      id: 'nodes',
      header: 'Nodes',
      width: '5.5rem',
      numeric: true,
      descFirst: false,
      value: (r) => sort.summaries?.get(r.skeletonId)?.nodeCount,
      cell: (r) => {
        const n = shown.summaries?.get(r.skeletonId)?.nodeCount;
        return n === undefined ? '…' : formatCount(n);
      },
    }),
    column<ResultRow>({
      id: 'cable',
      header: 'Cable (µm)',
      width: '7rem',
      numeric: true,
      descFirst: false,
      value: (r) => cableUm(r, sort),
      cell: (r) => {
        const um = cableUm(r, shown);
        return um === undefined ? '…' : formatFixed(um, 1);
      },
    }),
    column<ResultRow>({
      id: 'creator',
      header: 'Creator',
      width: '7.5rem',
      value: (r) => sort.creators.get(r.skeletonId),
      cell: (r) => text(shown.creators.get(r.skeletonId)),
    }),
    column<ResultRow>({
      id: 'created',
      header: 'Created',
      width: '7.5rem',
      value: (r) => day(sort.summaries?.get(r.skeletonId)?.createdAt),
      cell: (r) => text(day(shown.summaries?.get(r.skeletonId)?.createdAt)),
    }),
    column<ResultRow>({
      id: 'edited',
      header: 'Last edited',
      width: '7.5rem',
      value: (r) => day(sort.summaries?.get(r.skeletonId)?.lastEditedAt),
      cell: (r) => text(day(shown.summaries?.get(r.skeletonId)?.lastEditedAt)),
    }),
    column<ResultRow>({
      id: 'in_selection',
      header: 'In selection',
      width: '7.5rem',
      csv: { header: 'In selection', value: (r) => (inSelection.has(r.skeletonId) ? 'yes' : 'no') },
      cell: (r) =>
        inSelection.has(r.skeletonId) ? <span aria-label="in selection">✓</span> : null,
    }),
  ];
}
