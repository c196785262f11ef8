import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serializeUrlState } from '../../state/url-state.ts';
import { neuronPageHref, neuronPageState } from './neuron-page-href.ts';

describe('neuronPageHref', () => {
  it('is the serialised neuron page state of that project and skeleton', () => {
    for (const [projectId, skid] of [
      [1, 42],
      [7, 1234567],
      [null, 5],
    ] as const) {
      const href = neuronPageHref(projectId, skid);
      expect(href).toBe(
        serializeUrlState(neuronPageState({ ...defaultUrlState, projectId }, skid)),
      );
      const parsed = parseUrlState(href);
      expect(parsed.view).toBe('neuron');
      expect(parsed.neuron.skid).toBe(String(skid));
      expect(parsed.projectId).toBe(projectId);
    }
  });
});
