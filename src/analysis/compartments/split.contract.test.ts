/**
 * The split on real neurons: navis' bundled example neurons (hemibrain DA1 projection neurons,
 * ../shared/data/hemibrain-da1-projection-neurons). navis documents
 * `synapse_flow_centrality(example_neurons(2))[0].nodes.synapse_flow_centrality.max() == 786969`
 * (mode 'sum'; the first neuron is 1734350788): the same number here means the per-node flow is
 * computed as navis computes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath, hasShared } from '../../../test-support/shared-fixtures.ts';
import { compartmentSummary } from './compartment-stats.ts';
import { synapseCounts, synapseFlowCentrality } from './flow-centrality.ts';
import { COMPARTMENT, splitAxonDendrite } from './split.ts';

function readNeuron(id: string) {
  const dir = dataPath('hemibrain-da1-projection-neurons');
  const rows = readFileSync(`${dir}/swc/${id}.swc`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/).map(Number));
  const index = new Map(rows.map((r, i) => [r[0], i]));
  const parentIndex = Int32Array.from(rows.map((r) => index.get(r[6] ?? -1) ?? -1));
  const positions = Float32Array.from(rows.flatMap((r) => [r[2] ?? 0, r[3] ?? 0, r[4] ?? 0]));
  const syn = readFileSync(`${dir}/synapses/${id}.csv`, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(','));
  return {
    skeletonId: Number(id),
    parentIndex,
    positions,
    connectorNodeIndex: Int32Array.from(syn.map((s) => index.get(Number(s[1])) ?? -1)),
    connectorRelations: Int8Array.from(syn.map((s) => (s[2] === 'pre' ? 0 : 1))),
  };
}

describe.skipIf(!hasShared)('axon/dendrite split of real neurons (navis example neurons)', () => {
  it('reproduces the synapse flow centrality navis documents for 1734350788', () => {
    const n = readNeuron('1734350788');
    const counts = synapseCounts(n.parentIndex.length, n.connectorNodeIndex, n.connectorRelations);
    const flow = synapseFlowCentrality(n.parentIndex, counts, 'sum');
    expect(Math.max(...flow)).toBe(786969);
  });

  it('puts most outputs in the axon and most inputs in the dendrite of every DA1 PN', () => {
    for (const id of ['1734350788', '1734350908', '722817260', '754534424', '754538881']) {
      const n = readNeuron(id);
      const s = splitAxonDendrite({ ...n, somaIndex: -1 });
      const sum = compartmentSummary(n, s);
      const axon = sum.byCompartment[COMPARTMENT.axon];
      const dendrite = sum.byCompartment[COMPARTMENT.dendrite];
      if (!axon || !dendrite) throw new Error('no axon or dendrite');
      // PNs: outputs in the lateral horn/calyx axon, inputs in the antennal lobe dendrite.
      expect(axon.pre).toBeGreaterThan(axon.post);
      expect(dendrite.post).toBeGreaterThan(dendrite.pre * 5);
      expect(sum.segregationIndex).toBeGreaterThan(0.25);
      expect(sum.segregationIndex).toBeLessThan(0.35);
    }
  });
});
