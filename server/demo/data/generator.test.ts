/** The generator: determinism, realism minimums at scale 1, node spacing, time span. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDataset } from './dataset.ts';
import { deserialise, serialise } from './cache.ts';
import { ProjectIndex } from './project-index.ts';
import { MAX_STEP, MIN_STEP } from './grow.ts';

const hash = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');

describe('demo data generator', () => {
  const data = generateDataset(1, 1);
  const p1 = data.projects[0];
  if (!p1) throw new Error('no project 1');
  const index = new ProjectIndex(p1, data.users);
  const a = p1.arrays;

  it('is deterministic for a seed, and the cache round-trips', () => {
    const bytes = serialise(data);
    expect(hash(serialise(generateDataset(1, 1)))).toBe(hash(bytes));
    expect(hash(serialise(deserialise(bytes)))).toBe(hash(bytes));
    expect(hash(serialise(generateDataset(2, 0.2)))).not.toBe(
      hash(serialise(generateDataset(3, 0.2))),
    );
  });

  it('meets the minimum counts at scale 1', () => {
    const sizes = p1.meta.neurons.map((_, s) => index.nodeRange(s)[1] - index.nodeRange(s)[0]);
    expect(p1.meta.neurons.length).toBeGreaterThanOrEqual(150);
    expect(new Set(p1.meta.neurons.map((n) => n.type)).size).toBeGreaterThanOrEqual(8);
    expect(a.parent.length).toBeGreaterThanOrEqual(500_000);
    expect(sizes.some((n) => n > 20_000)).toBe(true);
    expect(data.users.filter((u) => u.login !== 'AnonymousUser').length).toBeGreaterThanOrEqual(8);
    expect(p1.meta.volumes.length).toBeGreaterThanOrEqual(3);
    expect(a.cx.length).toBeGreaterThanOrEqual(3_000);
    expect(data.projects[1]?.meta.neurons.length).toBe(12);
  });

  it('has a meta-annotation hierarchy at least two levels deep', () => {
    const cellType = index.annotationByName.get('classification') ?? -1;
    const subs = index.subAnnotations(cellType);
    const names = [...subs].map((id) => index.annotationName.get(id));
    expect(names).toEqual(expect.arrayContaining(['cell type', 'PN', 'uPN', 'left', 'complete']));
  });

  it('places nodes 300–1000 nm apart and roots are somata', () => {
    for (let i = 0; i < a.parent.length; i++) {
      const par = a.parent[i] ?? -1;
      if (par < 0) {
        expect(a.radius[i]).toBeGreaterThanOrEqual(1_500);
        continue;
      }
      const d = Math.hypot(
        (a.x[i] ?? 0) - (a.x[par] ?? 0),
        (a.y[i] ?? 0) - (a.y[par] ?? 0),
        (a.z[i] ?? 0) - (a.z[par] ?? 0),
      );
      if (d < 300 || d > 1000)
        expect.fail(`node ${i}: ${d} nm from its parent (${MIN_STEP}..${MAX_STEP})`);
    }
  });

  it('spreads activity over at least 12 months, with soma tags and reviews', () => {
    let min = Infinity;
    let max = 0;
    for (const list of [a.created, a.reviewTime, a.linkCreated])
      for (const t of list) {
        min = Math.min(min, t);
        max = Math.max(max, t);
      }
    const span = max - min;
    expect(span).toBeGreaterThan(365 * 86_400);
    const somaLabel = p1.meta.labels.findIndex((l) => l.name === 'soma');
    expect(a.tagLabel.filter((l) => l === somaLabel).length).toBe(p1.meta.neurons.length);
    const reviewed = p1.meta.neurons.filter(
      (_, s) =>
        index.reviewRange(...index.nodeRange(s))[1] > index.reviewRange(...index.nodeRange(s))[0],
    );
    expect(reviewed.length).toBeGreaterThan(30);
  });
});
