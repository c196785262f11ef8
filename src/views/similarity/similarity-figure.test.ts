import { describe, expect, it } from 'vitest';
import { cluster, cutClusters } from '../../analysis/similarity/clustering.ts';
import { scoreColour, similarityFigureSvg, svgAtSize } from './similarity-figure.ts';

describe('similarity figure', () => {
  const matrix = [
    [1, 0.2, 0.9],
    [0.2, 1, 0.1],
    [0.9, 0.1, 1],
  ];
  const d = cluster(matrix);
  const f = similarityFigureSvg({
    title: 'NBLAST <mean>',
    labels: ['a', 'b', 'c'],
    colors: ['#ff0000', '#00ff00', '#0000ff'],
    matrix,
    dendrogram: d,
    clusters: d ? cutClusters(d, 3, 2) : null,
    range: [0, 1],
  });

  it('draws one cell per pair, a dendrogram, and escapes text', () => {
    expect(
      f.svg.match(/<rect x="\d+" y="\d+" width="\d+" height="\d+" fill="#[0-9a-f]{6}"><title>/g),
    ).toHaveLength(9);
    expect(f.svg).toContain('<path d="M');
    expect(f.svg).toContain('NBLAST &lt;mean&gt;');
  });

  it('maps scores to a white → dark blue scale and resizes for export', () => {
    expect(scoreColour(0, [0, 1])).toBe('#ffffff');
    expect(scoreColour(1, [0, 1])).toBe('#08306b');
    expect(scoreColour(-3, [0, 1])).toBe('#ffffff');
    const sized = svgAtSize(f.svg, 640, 480);
    expect(sized).toMatch(/^<svg xmlns="[^"]+" width="640" height="480" viewBox="0 0 \d+ \d+"/);
  });
});
