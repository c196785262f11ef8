import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serializeUrlState } from './url-state.ts';
import { neuronTarget } from './neuron-url.ts';

describe('neuron URL keys', () => {
  it('round-trip view, skeleton and as-of day', () => {
    const state = {
      ...defaultUrlState,
      view: 'neuron' as const,
      neuron: { skid: '1004', asOf: '2026-03-09' },
    };
    const text = serializeUrlState(state);
    expect(text).toBe('?view=neuron&skid=1004&nasof=2026-03-09');
    expect(parseUrlState(text)).toEqual(state);
  });

  it('keeps a garbled skid as typed and drops a garbled day', () => {
    expect(parseUrlState('?view=neuron&skid=12ab&nasof=March').neuron).toEqual({
      skid: '12ab',
      asOf: '',
    });
  });

  it('tells a missing, garbled and usable skid apart', () => {
    expect(neuronTarget('')).toEqual({ kind: 'missing' });
    expect(neuronTarget(' 42 ')).toEqual({ kind: 'ok', skeletonId: 42 });
    expect(neuronTarget('0')).toEqual({ kind: 'garbled', text: '0' });
    expect(neuronTarget('-5')).toEqual({ kind: 'garbled', text: '-5' });
    expect(neuronTarget('1e5')).toEqual({ kind: 'garbled', text: '1e5' });
  });
});
