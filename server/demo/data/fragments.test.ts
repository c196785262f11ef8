import { describe, expect, it } from 'vitest';
import { generateDataset } from './dataset.ts';
import { appendFragments } from './fragments.ts';

describe('fragment bulk for benchmarks', () => {
  const base = generateDataset(3, 0.05).projects[0];
  if (!base) throw new Error('no project');

  it('changes nothing when no fragments are asked for', () => {
    expect(appendFragments(base, 0, 3)).toBe(base);
  });

  it('appends small skeletons with unique ids, batch annotations and no synapses', () => {
    const grown = appendFragments(base, 300, 3);
    const added = grown.meta.neurons.slice(base.meta.neurons.length);
    expect(added).toHaveLength(300);
    expect(new Set(grown.meta.neurons.map((n) => n.skeletonId)).size).toBe(
      grown.meta.neurons.length,
    );
    expect(added[0]?.name).toBe('fragment 000001');
    const starts = grown.arrays.skelNodeStart;
    expect(starts.length).toBe(base.arrays.skelNodeStart.length + 300);
    expect(starts[starts.length - 1]).toBe(grown.arrays.parent.length);
    for (let s = base.meta.neurons.length; s < grown.meta.neurons.length; s++) {
      const from = starts[s] ?? 0;
      const to = starts[s + 1] ?? 0;
      expect(to - from).toBeGreaterThanOrEqual(2);
      expect(to - from).toBeLessThanOrEqual(10);
      expect(grown.arrays.parent[from]).toBe(-1);
      for (let i = from + 1; i < to; i++) {
        const d = Math.hypot(
          (grown.arrays.x[i] ?? 0) - (grown.arrays.x[i - 1] ?? 0),
          (grown.arrays.y[i] ?? 0) - (grown.arrays.y[i - 1] ?? 0),
          (grown.arrays.z[i] ?? 0) - (grown.arrays.z[i - 1] ?? 0),
        );
        expect(d).toBeGreaterThan(299);
        expect(d).toBeLessThan(1001);
      }
    }
    expect(grown.meta.annotations.length - base.meta.annotations.length).toBe(1 + 100);
    expect(grown.arrays.cx.length).toBe(base.arrays.cx.length);
  });
});
