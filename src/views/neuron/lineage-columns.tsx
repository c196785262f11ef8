/** The split/merge history table (`skeletons/change-history` rows). */
import type { SkeletonLineage } from '../../api/skeleton-provenance.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';

export type LineageRow = SkeletonLineage & { key: string; story: string };

/** What a row means for this skeleton, in words. */
export function lineageStory(row: SkeletonLineage, skeletonId: number): string {
  const [firstId] = row.path;
  const last = row.path[row.path.length - 1];
  if (row.path.length === 1 && firstId === skeletonId) return 'traced on this skeleton';
  if (last === skeletonId)
    return `came from skeleton ${row.path.slice(0, -1).join(' → ')} (merged in)`;
  if (firstId === skeletonId) return `split off into skeleton ${String(last)}`;
  return `passed through ${row.path.join(' → ')}`;
}

export const lineageColumns: TableColumn<LineageRow>[] = [
  column<LineageRow>({
    id: 'path',
    header: 'Skeleton path (oldest first)',
    width: 'auto',
    value: (r) => r.path.join(' → '),
    csv: { header: 'skeleton_path', value: (r) => r.path.join(' ') },
  }),
  column<LineageRow>({
    id: 'story',
    header: 'Meaning',
    width: 'auto',
    value: (r) => r.story,
    csv: 'meaning',
  }),
  column<LineageRow>({
    id: 'nodeCount',
    header: 'Nodes',
    numeric: true,
    width: '6rem',
    value: (r) => r.nodeCount,
    csv: 'nodes',
  }),
  column<LineageRow>({
    id: 'liveCount',
    header: 'Still live',
    numeric: true,
    width: '6rem',
    value: (r) => r.liveCount,
    csv: 'live_nodes',
  }),
];
