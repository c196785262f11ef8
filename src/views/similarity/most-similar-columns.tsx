/** Columns of the "most similar to this neuron" table. */
import type { TableColumn } from '../../components/table/define-column.ts';
import { column } from '../../components/table/define-column.ts';
import { swatchNameColumn } from '../shared/swatch-name-column.tsx';
import { roundedColumn } from '../../components/table/rounded-column.ts';

export interface MostSimilarRow {
  skeletonId: number;
  name: string;
  color: string;
  forward: number;
  reverse: number;
  mean: number;
}

const score = (id: 'forward' | 'reverse' | 'mean', header: string) =>
  roundedColumn<MostSimilarRow>({
    id,
    header,
    csv: `${id}_score`,
    width: '8rem',
    value: (r) => r[id],
    digits: 3,
    csvDigits: 4,
  });

export const mostSimilarColumns: TableColumn<MostSimilarRow>[] = [
  swatchNameColumn<MostSimilarRow>(),
  column<MostSimilarRow>({
    id: 'skid',
    header: 'Skeleton id',
    value: (r) => r.skeletonId,
    numeric: true,
    format: String,
    csv: 'skeleton_id',
    width: '8rem',
  }),
  score('mean', 'Mean'),
  score('forward', 'Query → target'),
  score('reverse', 'Target → query'),
];
