import { describe, expect, it } from 'vitest';
import { defaultRegionsState, parseRegionsUrl, writeRegionsUrl } from './regions-url.ts';

describe('regions URL keys', () => {
  it('round-trips volumes, panel and measure, and omits defaults', () => {
    const p = new URLSearchParams();
    writeRegionsUrl({ panel: 'bbox', measure: 'pre', volumeIds: [12, 3] }, p);
    expect(p.toString()).toBe('rpanel=bbox&rmeasure=pre&rvol=12%2C3');
    expect(parseRegionsUrl(p)).toEqual({ panel: 'bbox', measure: 'pre', volumeIds: [12, 3] });
    const empty = new URLSearchParams();
    writeRegionsUrl(defaultRegionsState, empty);
    expect(empty.toString()).toBe('');
  });

  it('falls back on garbled values instead of throwing', () => {
    const p = new URLSearchParams('rpanel=nope&rmeasure=7&rvol=1,x,3');
    expect(parseRegionsUrl(p)).toEqual(defaultRegionsState);
    expect(parseRegionsUrl(new URLSearchParams('rvol=4,4,5')).volumeIds).toEqual([4, 5]);
  });
});
