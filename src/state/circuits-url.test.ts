import { describe, expect, it } from 'vitest';
import {
  defaultCircuitsState,
  hopThresholds,
  parseCircuitsUrl,
  writeCircuitsUrl,
  type CircuitsUrlState,
} from './circuits-url.ts';

const parse = (q: string) => parseCircuitsUrl(new URLSearchParams(q));

describe('circuits URL state', () => {
  it('round-trips every option and omits defaults', () => {
    const s: CircuitsUrlState = {
      ...defaultCircuitsState,
      panel: 'matrix',
      linkType: 'gapjunction',
      meta: 'lineage',
      pathsA: 'ann:PN',
      pathsB: 'ids:1,2',
      pathHops: 4,
      pathMin: 5,
      hoodDirection: 'upstream',
      hoodThresholds: '3,2',
      matrixGroup: 'both',
      matrixAggregate: 'max',
      matrixValue: 'fraction',
      matrixOrder: 'cluster',
      fractionDirection: 'outputs',
    };
    const params = new URLSearchParams();
    writeCircuitsUrl(s, params);
    expect(parse(params.toString())).toEqual(s);
    const none = new URLSearchParams();
    writeCircuitsUrl(defaultCircuitsState, none);
    expect(none.toString()).toBe('');
  });

  it('falls back to defaults on garbled values', () => {
    const s = parse('kpanel=nope&kph=99&kpm=-3&kmo=random');
    expect(s.panel).toBe('paths');
    expect(s.pathHops).toBe(3);
    expect(s.pathMin).toBe(2);
    expect(s.matrixOrder).toBe('name');
  });

  it('reads per-hop thresholds, repeating the last one', () => {
    expect(hopThresholds('3, 2', 3)).toEqual([3, 2, 2]);
    expect(hopThresholds('', 2)).toEqual([1, 1]);
    expect(hopThresholds('x,4', 2)).toEqual([4, 4]);
  });
});
