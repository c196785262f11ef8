/** Columns of the innervation table: one row per neuron × region, absolute and fraction. */
import type { Counts } from '../../analysis/regions/innervation.ts';
import { fraction } from '../../analysis/regions/innervation.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { roundedColumn } from '../../components/table/rounded-column.ts';

export interface InnervationRow {
  key: string;
  skeletonId: number;
  neuron: string;
  region: string;
  inside: Counts;
  total: Counts;
}

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
    roundedColumn<InnervationRow>({
      id: `${m.id}Pct`,
      header: `${m.header} inside (%)`,
      csv: `${m.id}_inside_fraction`,
      width: '8rem',
      value: (r) => 100 * fraction(r.inside[m.id], r.total[m.id]),
      digits: 1,
      csvDigits: 2,
    }),
  ]),
  roundedColumn<InnervationRow>({
    id: 'cableTotal',
    header: 'Neuron cable (µm)',
    csv: 'neuron_cable_um',
    width: '8rem',
    value: (r) => r.total.cable / 1000,
    digits: 1,
    csvDigits: 3,
  }),
];
