import type { PartnerRow } from '../../analysis/partner-table.ts';
import type { Column } from '../../components/table/column.ts';

interface Options {
  sources: readonly number[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  reviewed: ReadonlyMap<number, number>;
  onShow3d: (row: PartnerRow) => void;
  busy: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Name, skeleton id, one count column per source, total, partner nodes, reviewed %, 3D. */
export function partnerColumns(o: Options): Column<PartnerRow>[] {
  return [
    {
      id: 'name',
      header: 'Partner',
      width: 'minmax(12rem, 3fr)',
      sortValue: (r) => r.name,
      cell: (r) => (
        <>
          {o.colors.has(r.partnerId) ? (
            <span
              className="swatch"
              title="in the selection"
              style={{ background: o.colors.get(r.partnerId) }}
            />
          ) : null}
          {r.name}
        </>
      ),
    },
    {
      id: 'skid',
      header: 'Skeleton ID',
      width: '7rem',
      numeric: true,
      sortValue: (r) => r.partnerId,
      cell: (r) => r.partnerId,
    },
    ...o.sources.map((s, i): Column<PartnerRow> => ({
      id: `src-${s}`,
      header: (
        <>
          <span className="swatch" style={{ background: o.colors.get(s) ?? '#888' }} />
          {o.names.get(s) ?? s}
        </>
      ),
      headerLabel: `Synapses with ${o.names.get(s) ?? s}`,
      width: 'minmax(5.5rem, 1fr)',
      numeric: true,
      sortValue: (r) => r.counts[i] ?? 0,
      cell: (r) => fmt(r.counts[i] ?? 0),
    })),
    {
      id: 'total',
      header: 'Total',
      width: '5rem',
      numeric: true,
      sortValue: (r) => r.total,
      cell: (r) => fmt(r.total),
    },
    {
      id: 'nodes',
      header: 'Nodes',
      width: '5.5rem',
      numeric: true,
      sortValue: (r) => r.nodeCount,
      cell: (r) => fmt(r.nodeCount),
    },
    {
      id: 'reviewed',
      header: 'Reviewed',
      width: '5.5rem',
      numeric: true,
      sortValue: (r) => o.reviewed.get(r.partnerId),
      cell: (r) => {
        const p = o.reviewed.get(r.partnerId);
        return p === undefined ? '…' : `${p.toFixed(0)} %`;
      },
    },
    {
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
    },
  ];
}
