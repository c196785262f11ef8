import { describe, expect, it } from 'vitest';
import { node, Y_TREE } from '../../analysis/neuron/test-trees.ts';
import { projectArbor, projectionSvg } from './arbor-projection.ts';

describe('projectArbor', () => {
  it('draws one segment per parent–child edge, fitted into the box with a margin', () => {
    // Y_TREE spans x 0..3, y 0..11: the height limits the scale to (100 - 32) / 11.
    const p = projectArbor(Y_TREE, 100, 100);
    expect(p.edges).toBe(4);
    expect(p.path.startsWith('M16.0 16.0L')).toBe(true);
    const s = 68 / 11;
    expect(p.path).toContain(`L${(16 + 3 * s).toFixed(1)} ${(16 + 11 * s).toFixed(1)}`);
  });

  it('an empty tree is an empty path; a single node draws nothing', () => {
    expect(projectArbor([], 10, 10).path).toBe('');
    expect(projectArbor([node(1, null, 5)], 10, 10).edges).toBe(0);
  });

  it('escapes the caption', () => {
    expect(projectionSvg(projectArbor(Y_TREE, 50, 50), 'a<b & "c"')).toContain(
      'a&#60;b &#38; &#34;c&#34;',
    );
  });
});
