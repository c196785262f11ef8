/** Columns of the innervation table: one row per neuron × region, absolute and fraction. */
import type { Counts } from '../../analysis/regions/innervation.ts';
import { fraction } from '../../analysis/regions/innervation.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { roundedColumn } from '../../components/table/rounded-column.ts';
import { formatFixed, roundTo } from '../../lib/format.ts';

export interface InnervationRow {
  key: string;
  skeletonId: number;
  neuron: string;
  region: string;
  inside: Counts;
  total: Counts;
}

const percent = (r: InnervationRow, k: keyof Counts) => 100 * fraction(r.inside[k], r.total[k]);

const measures = [
  { id: 'cable', header: 'Cable', unit: ' (µm)', scale: 1 / 1000, digits: 1 },
  { id: 'nodes', header: 'Nodes', unit: '', scale: 1, digits: 0 },
  { id: 'pre', header: 'Presynapses', unit: '', scale: 1, digits: 0 },
  { id: 'post', header: 'Postsynapses', unit: '', scale: 1, digits: 0 },
] as const;

export const innervationColumns: TableColumn<InnervationRow>[] = [
  column<InnervationRow>({
    id: 'neuron',
    header: 'Neuron',
    csv: 'neuron',
    value: (r) => r.neuron,
    width: '14rem',
  }),
  column<InnervationRow>({
    id: 'skeletonId',
    header: 'Skeleton ID',
    csv: 'skeleton_id',
    value: (r) => r.skeletonId,
    numeric: true,
    format: String,
    width: '7rem',
  }),
  column<InnervationRow>({
    id: 'region',
    header: 'Region',
    csv: 'region',
    value: (r) => r.region,
    width: '12rem',
  }),
  ...measures.flatMap((m) => [
    roundedColumn<InnervationRow>({
      id: `${m.id}In`,
      header: `${m.header} inside${m.unit}`,
      csv: `${m.id}_inside${m.id === 'cable' ? '_um' : ''}`,
      width: '8rem',
      value: (r) => r.inside[m.id] * m.scale,
      digits: m.digits,
      csvDigits: 3,
    }),
    // A percentage of each row's own neuron: no footer total (a sum of them means nothing).
    column<InnervationRow>({
      id: `${m.id}Pct`,
      header: `${m.header} inside (%)`,
      numeric: true,
      width: '8rem',
      value: (r) => percent(r, m.id),
      format: (n) => formatFixed(n, 1),
      csv: { header: `${m.id}_inside_percent`, value: (r) => roundTo(percent(r, m.id), 2) },
    }),
  ]),
  column<InnervationRow>({
    id: 'cableTotal',
    header: 'Neuron cable (µm)',
    numeric: true,
    width: '8rem',
    value: (r) => r.total.cable / 1000,
    format: (n) => formatFixed(n, 1),
    csv: { header: 'neuron_cable_um', value: (r) => roundTo(r.total.cable / 1000, 3) },
  }),
];
