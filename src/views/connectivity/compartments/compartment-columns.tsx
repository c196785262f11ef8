/** Columns of the Compartments table: per neuron, segregation index and per-compartment numbers. */
import { column, type TableColumn } from '../../../components/table/define-column.ts';
import { swatchNameColumn } from '../../shared/swatch-name-column.tsx';
import { roundedColumn } from '../../../components/table/rounded-column.ts';

export interface CompartmentRow {
  skeletonId: number;
  name: string;
  color: string;
  split: boolean;
  segregationIndex: number;
  /** Indexed by compartment code (1 dendrite, 2 axon, 3 linker, 4 primary neurite). */
  cableUm: number[];
  pre: number[];
  post: number[];
}

const PARTS = [
  [1, 'dendrite', 'Dendrite'],
  [2, 'axon', 'Axon'],
  [3, 'linker', 'Linker'],
  [4, 'primary_neurite', 'Primary neurite'],
] as const;

const perPart = PARTS.flatMap(([code, key, label]) => [
  roundedColumn<CompartmentRow>({
    id: `${key}_cable`,
    header: `${label} cable (µm)`,
    csv: `${key}_cable_um`,
    width: '8rem',
    value: (r) => r.cableUm[code] ?? 0,
    digits: 1,
    csvDigits: 3,
  }),
  column<CompartmentRow>({
    id: `${key}_pre`,
    header: `${label} outputs`,
    value: (r) => r.pre[code] ?? 0,
    numeric: true,
    csv: `${key}_presynaptic`,
    width: '7rem',
  }),
  column<CompartmentRow>({
    id: `${key}_post`,
    header: `${label} inputs`,
    value: (r) => r.post[code] ?? 0,
    numeric: true,
    csv: `${key}_postsynaptic`,
    width: '7rem',
  }),
]);

export const compartmentColumns: TableColumn<CompartmentRow>[] = [
  swatchNameColumn<CompartmentRow>('14rem'),
  column<CompartmentRow>({
    id: 'skid',
    header: 'Skeleton id',
    value: (r) => r.skeletonId,
    numeric: true,
    format: String,
    csv: 'skeleton_id',
    width: '7rem',
  }),
  column<CompartmentRow>({
    id: 'split',
    header: 'Split',
    value: (r) => (r.split ? 'yes' : 'no (no inputs or outputs)'),
    csv: 'split',
    width: '6rem',
  }),
  roundedColumn<CompartmentRow>({
    id: 'si',
    header: 'Segregation index',
    csv: 'segregation_index',
    width: '8rem',
    value: (r) => r.segregationIndex,
    digits: 2,
    csvDigits: 4,
  }),
  ...perPart,
];
