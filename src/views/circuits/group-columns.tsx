/** Columns of the grouped partner table and of an expanded group's neurons. */
import type { PartnerGroup } from '../../analysis/grouped-partners.ts';
import type { PartnerRow } from '../../analysis/partner-table.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { formatPercent } from '../../lib/format.ts';

export function groupColumns(
  expanded: string | null,
  onExpand: (group: string | null) => void,
): TableColumn<PartnerGroup>[] {
  return [
    column<PartnerGroup>({
      id: 'group',
      header: 'Group',
      width: 'auto',
      value: (g) => g.group,
      footerLabel: 'Total',
      cell: (g) => (
        <>
          <button
            type="button"
            className="group-expand"
            aria-expanded={expanded === g.group}
            aria-label={`${expanded === g.group ? 'Collapse' : 'Expand'} ${g.group}`}
            onClick={() => onExpand(expanded === g.group ? null : g.group)}
          >
            {expanded === g.group ? '▾' : '▸'}
          </button>{' '}
          {g.group}
        </>
      ),
    }),
    column<PartnerGroup>({
      id: 'partners',
      header: 'Partners',
      width: '6rem',
      numeric: true,
      value: (g) => g.partners.length,
      total: true,
    }),
    column<PartnerGroup>({
      id: 'synapses',
      header: 'Synapses',
      width: '7rem',
      numeric: true,
      value: (g) => g.synapses,
      total: true,
    }),
    column<PartnerGroup>({
      id: 'fraction',
      header: 'Fraction',
      width: '6rem',
      numeric: true,
      value: (g) => g.fraction,
      format: (v) => formatPercent(v * 100, 1),
      csv: { header: 'fraction', value: (g) => g.fraction.toFixed(4) },
      total: true,
    }),
  ];
}

export function groupMemberColumns(): TableColumn<PartnerRow>[] {
  return [
    column<PartnerRow>({ id: 'name', header: 'Neuron', width: 'auto', value: (r) => r.name }),
    column<PartnerRow>({
      id: 'skid',
      header: 'Skeleton ID',
      width: '7rem',
      numeric: true,
      format: String,
      value: (r) => r.partnerId,
    }),
    column<PartnerRow>({
      id: 'total',
      header: 'Synapses',
      width: '6rem',
      numeric: true,
      value: (r) => r.total,
      total: true,
    }),
  ];
}
