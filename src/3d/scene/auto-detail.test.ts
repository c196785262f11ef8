import { describe, expect, it } from 'vitest';
import { autoDetail } from './viewer-engine.ts';

describe('auto detail', () => {
  it('draws full detail, then the decimated, then the coarse level as scenes grow', () => {
    expect(autoDetail(100_000)).toBe('full');
    expect(autoDetail(2_000_000)).toBe('lod');
    expect(autoDetail(10_000_000)).toBe('coarse');
  });
});
