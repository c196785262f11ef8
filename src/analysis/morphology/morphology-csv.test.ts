import { describe, expect, it } from 'vitest';
import { computeMorphology } from './morphology.ts';
import { dendrogramCsv, shollCsv, strahlerCsv, synapsePlacementCsv } from './morphology-csv.ts';
import { forkTree } from './test-trees.ts';

const m = computeMorphology(forkTree({ somaTag: 2 }), { collapseBelow: 0, shollStep: 10 });
const lines = (csv: string) => csv.trimEnd().split('\r\n');

describe('morphology CSV', () => {
  it('synapse placement: one line per synapse, µm', () => {
    expect(lines(synapsePlacementCsv(m.synapses))).toEqual([
      'relation,path_distance_um',
      'presynaptic,0.02',
      'postsynaptic,0.013',
      'postsynaptic,0.01',
    ]);
  });
  it('Strahler, Sholl and dendrogram tables', () => {
    expect(lines(strahlerCsv(m.strahler))).toEqual([
      'strahler_order,nodes,cable_um',
      '1,6,0.053',
      '2,1,0',
    ]);
    expect(lines(shollCsv(m.sholl))).toEqual(['radius_um,intersections', '0.01,3', '0.02,2']);
    const d = lines(dendrogramCsv(m.dendrogram));
    expect(d[0]).toBe('element,x_from_um,x_to_um,y_from,y_to,relation');
    expect(d).toContain('stretch,0,0.013,2,2,');
    expect(d).toContain('branch,0,0,0,2,');
    expect(d).toContain('synapse,0.02,0.02,1,1,presynaptic');
    expect(d).toHaveLength(1 + 3 + 1 + 3);
  });
});
