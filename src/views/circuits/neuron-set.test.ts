import { describe, expect, it } from 'vitest';
import { describeNeuronSet, parseNeuronSet, writeNeuronSet } from './neuron-set.ts';

describe('neuron set specs', () => {
  it('round-trips the three kinds', () => {
    for (const text of ['sel', 'ids:3,1', 'ann:cell type'])
      expect(writeNeuronSet(parseNeuronSet(text))).toBe(text);
  });
  it('never throws on garbage', () => {
    expect(parseNeuronSet('')).toEqual({ kind: 'selection' });
    expect(parseNeuronSet('ann:  ')).toEqual({ kind: 'selection' });
    expect(parseNeuronSet('ids:1,x,1,2')).toEqual({ kind: 'ids', ids: [1, 2] });
  });
  it('describes a set for headings', () => {
    expect(describeNeuronSet(parseNeuronSet('ann:PN'), 4)).toBe('annotated “PN” (4)');
  });
});
