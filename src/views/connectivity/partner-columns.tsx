/**
 * The partner table's columns: name, skeleton id, one count per source, total, partner nodes,
 * reviewed %, 3D. The footer totals and the CSV come from these same columns.
 */
import type { PartnerRow } from '../../analysis/partner-table.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import { formatPercent } from '../../lib/format.ts';
import { NeuronPageLink } from '../shared/NeuronPageLink.tsx';

interface Options {
  sources: readonly number[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  reviewed: ReadonlyMap<number, number>;
  onShow3d: (row: PartnerRow) => void;
  busy: boolean;
}

export function partnerColumns(o: Options): TableColumn<PartnerRow>[] {
  return [
    column<PartnerRow>({
      id: 'name',
      header: 'Partner',
      width: 'auto',
      value: (r) => r.name,
      csv: 'partner',
      footerLabel: 'Total',
      cell: (r) => (
        <>
          {o.colors.has(r.partnerId) ? (
            <span
              className="swatch"
              title="in the selection"
              style={{ background: o.colors.get(r.partnerId) }}
            />
          ) : null}
          <NeuronPageLink skeletonId={r.partnerId} name={r.name} />
        </>
      ),
    }),
    column<PartnerRow>({
      id: 'skid',
      header: 'Skeleton ID',
      width: '7rem',
      numeric: true,
      format: String,
      value: (r) => r.partnerId,
      csv: 'skeleton_id',
    }),
    ...o.sources.map((s, i) => {
      const name = o.names.get(s) ?? String(s);
      return column<PartnerRow>({
        id: `src-${s}`,
        header: `Synapses with ${name}`,
        renderHeader: () => (
          <>
            <span className="swatch" style={{ background: o.colors.get(s) ?? '#888' }} />
            {name}
          </>
        ),
        width: '7rem',
        numeric: true,
        value: (r) => r.counts[i] ?? 0,
        csv: `${name} (${s})`,
        total: true,
      });
    }),
    column<PartnerRow>({
      id: 'total',
      header: 'Total',
      width: '5.5rem',
      numeric: true,
      value: (r) => r.total,
      csv: 'total',
      total: true,
    }),
    column<PartnerRow>({
      id: 'nodes',
      header: 'Nodes',
      width: '6rem',
      numeric: true,
      value: (r) => r.nodeCount,
      csv: 'partner_nodes',
    }),
    column<PartnerRow>({
      id: 'reviewed',
      header: 'Reviewed',
      width: '6rem',
      numeric: true,
      value: (r) => o.reviewed.get(r.partnerId),
      csv: {
        header: 'reviewed_percent',
        value: (r) => o.reviewed.get(r.partnerId)?.toFixed(1) ?? '',
      },
      cell: (r) => {
        const p = o.reviewed.get(r.partnerId);
        return p === undefined ? '…' : formatPercent(p);
      },
    }),
    column<PartnerRow>({
      id: '3d',
      header: '3D',
      width: '3.5rem',
      cell: (r) => (
        <button
          type="button"
          className="mini"
          disabled={o.busy}
          aria-label={`Show synapses with ${r.name} in 3D`}
          onClick={(e) => {
            e.stopPropagation();
            o.onShow3d(r);
          }}
        >
          3D
        </button>
      ),
    }),
  ];
}
