import { describe, expect, it } from 'vitest';
import {
  defaultConnectivityState,
  parseConnectivityUrl,
  writeConnectivityUrl,
  type ConnectivityUrlState,
} from './connectivity-url.ts';

const parse = (q: string) => parseConnectivityUrl(new URLSearchParams(q));

describe('connectivity URL state', () => {
  it('round-trips every option and omits defaults', () => {
    const s: ConnectivityUrlState = {
      panel: 'matrix',
      compartment: 'dendrite',
      minSynapses: 3,
      minConfidence: 4,
      op: 'AND',
      minPartnerNodes: 50,
      text: 'KC, left',
      textTarget: 'annotation',
    };
    const params = new URLSearchParams();
    writeConnectivityUrl(s, params);
    expect(parse(params.toString())).toEqual(s);
    const none = new URLSearchParams();
    writeConnectivityUrl(defaultConnectivityState, none);
    expect(none.toString()).toBe('');
  });

  it.each([
    'cpanel=heatmap',
    'cmin=0&cconf=9&cnodes=-2',
    'cmin=1e3&cconf=abc',
    'cop=XOR&cqt=skeleton',
  ])('garbled %s falls back to defaults', (q) => {
    expect(parse(q)).toEqual(defaultConnectivityState);
  });
});
