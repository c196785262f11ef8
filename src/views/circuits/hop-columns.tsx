/** Columns of one hop's table in the neighbourhood panel. */
import type { HopMember } from '../../analysis/neighbourhood.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';

export function hopColumns(
  names: ReadonlyMap<number, string>,
  colors: ReadonlyMap<number, string>,
): TableColumn<HopMember>[] {
  return [
    column<HopMember>({
      id: 'name',
      header: 'Neuron',
      width: 'auto',
      value: (m) => names.get(m.id) ?? String(m.id),
      csv: 'name',
      footerLabel: 'Total',
      cell: (m) => (
        <>
          {colors.has(m.id) ? (
            <span
              className="swatch"
              title="in the selection"
              style={{ background: colors.get(m.id) }}
            />
          ) : null}
          {names.get(m.id) ?? m.id}
        </>
      ),
    }),
    column<HopMember>({
      id: 'skid',
      header: 'Skeleton ID',
      width: '7rem',
      numeric: true,
      format: String,
      value: (m) => m.id,
      csv: 'skeleton_id',
    }),
    column<HopMember>({
      id: 'synapses',
      header: 'With previous hop',
      width: '9rem',
      numeric: true,
      value: (m) => m.synapses,
      total: true,
    }),
    column<HopMember>({
      id: 'strongest',
      header: 'Strongest single',
      width: '9rem',
      numeric: true,
      value: (m) => m.strongest,
    }),
  ];
}
