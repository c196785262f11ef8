/** CSV of a partner table exactly as shown: the filtered rows, their counts and the totals. */
import { toCsv } from '../lib/csv.ts';
import type { PartnerTable } from './partner-table.ts';

export function partnerTableCsv(
  table: PartnerTable,
  sourceNames: ReadonlyMap<number, string>,
  reviewed?: ReadonlyMap<number, number>,
): string {
  const header = [
    'partner',
    'skeleton_id',
    ...table.sources.map((s) => `${sourceNames.get(s) ?? s} (${s})`),
    'total',
    'partner_nodes',
    'reviewed_percent',
  ];
  const body = table.rows.map((r) => {
    const pct = reviewed?.get(r.partnerId);
    return [
      r.name,
      r.partnerId,
      ...r.counts,
      r.total,
      r.nodeCount,
      pct === undefined ? '' : pct.toFixed(1),
    ];
  });
  const totals = ['total', '', ...table.columnTotals, table.total, '', ''];
  return toCsv([header, ...body, totals]);
}
