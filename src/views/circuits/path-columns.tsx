/** Columns of the path list: route, hop count, weakest hop, synapses per hop. */
import type { CircuitPath } from '../../analysis/circuit-paths.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';

export interface PathRow extends CircuitPath {
  id: number;
}

export function pathColumns(names: ReadonlyMap<number, string>): TableColumn<PathRow>[] {
  const name = (id: number) => names.get(id) ?? String(id);
  return [
    column<PathRow>({
      id: 'route',
      header: 'Path',
      width: 'auto',
      value: (r) => r.neurons.map(name).join(' → '),
      csv: 'path',
    }),
    column<PathRow>({
      id: 'hops',
      header: 'Hops',
      csv: 'hops',
      width: '5rem',
      numeric: true,
      descFirst: false,
      value: (r) => r.hops.length,
    }),
    column<PathRow>({
      id: 'weakest',
      header: 'Weakest hop',
      width: '7rem',
      numeric: true,
      value: (r) => r.weakest,
      csv: 'weakest_hop_synapses',
    }),
    column<PathRow>({
      id: 'perHop',
      header: 'Synapses per hop',
      width: '10rem',
      value: (r) => r.hops.join(' / '),
      csv: 'synapses_per_hop',
    }),
    column<PathRow>({
      id: 'ids',
      header: 'Skeleton IDs',
      csvOnly: true,
      value: (r) => r.neurons.join(' '),
      csv: 'skeleton_ids',
    }),
  ];
}
