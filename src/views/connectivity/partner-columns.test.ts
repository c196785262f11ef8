import { describe, expect, it } from 'vitest';
import { buildPartnerTable, defaultPartnerFilter } from '../../analysis/partner-table.ts';
import type { PartnerRecord } from '../../api/connectivity.ts';
import { tableCsv } from '../../components/table/table-export.ts';
import { partnerColumns } from './partner-columns.tsx';

const rec = (id: number, nodes: number, s1: number, s2: number): PartnerRecord => ({
  partnerId: id,
  nodeCount: nodes,
  bins: new Map([
    [1, [0, 0, 0, 0, s1]],
    [2, [0, 0, 0, 0, s2]],
  ]),
});

describe('partner CSV from the partner columns', () => {
  it('holds exactly the rows and totals shown', () => {
    const names = new Map([
      [12, 'LN gamma'],
      [13, 'fragment'],
      [14, 'small'],
    ]);
    const table = buildPartnerTable(
      [rec(12, 20, 0, 6), rec(13, 1, 9, 1), rec(14, 5, 1, 1)],
      { ...defaultPartnerFilter, sources: [1, 2], minSynapses: 6 },
      { names },
    );
    const columns = partnerColumns({
      sources: table.sources,
      names: new Map([[1, 'src, one']]),
      colors: new Map(),
      reviewed: new Map([[13, 50]]),
      onShow3d: () => undefined,
      busy: false,
    });
    expect(tableCsv(columns, table.rows).split('\r\n')).toEqual([
      'partner,skeleton_id,"src, one (1)",2 (2),total,partner_nodes,reviewed_percent',
      'fragment,13,9,1,10,1,50.0',
      'LN gamma,12,0,6,6,20,',
      'Total,,9,7,16,,',
      '',
    ]);
  });
});
