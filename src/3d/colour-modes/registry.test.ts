import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { buildLegend } from '../export/legend-model.ts';
import { nodeColourFn } from '../export/node-colours.ts';
import { strahlerOrders } from '../../analysis/morphology/strahler.ts';
import { LINE_VERTEX, PALETTE_GLSL, SOMA_VERTEX } from '../scene/shaders.ts';
import { COLOUR_MODE_DEFS, COLOUR_MODES, colourModeDef, isColourMode } from './registry.ts';

function detail() {
  const nodes: unknown[] = [[1, null, 3, 0, 0, 0, 800, 5]];
  for (let i = 2; i <= 50; i++) nodes.push([i, i - 1, i % 2 ? 3 : 4, i * 10, 0, i * 100, -1, 5]);
  nodes.push([500, 20, 4, 1000, 300, 2500, -1, 5]);
  return decodeCompactDetail([nodes, [], {}, [], []], 42);
}

/** Identifiers a mode's GLSL may use: modeColour's inputs, the shared uniforms, GLSL built-ins. */
const GLSL_SCOPE = new Set(
  [
    's rgb slot strahler creator z compartment code paletteAt uSlotColors uUserColors uRamp uMaxStrahler uZRange',
    'uBackground texture texelFetch vec2 vec3 vec4 clamp max min mix x y',
  ]
    .join(' ')
    .split(' '),
);

const legendInput = {
  neurons: [{ skeletonId: 42, name: 'PN 1', color: '#ff0000' }],
  groups: null,
  creators: [{ login: 'alice', rgb: [1, 2, 3] as [number, number, number] }],
  maxStrahler: 3,
  zRangeNm: [0, 5000] as [number, number],
  showPre: false,
  showPost: false,
  connectorHighlight: null,
};

describe('colour-mode registry', () => {
  it('has unique ids and dense, unique shader indices', () => {
    expect(new Set(COLOUR_MODES).size).toBe(COLOUR_MODE_DEFS.length);
    const indices = COLOUR_MODE_DEFS.map((m) => m.shaderIndex).sort((a, b) => a - b);
    expect(indices).toEqual(COLOUR_MODE_DEFS.map((_, i) => i));
    for (const id of COLOUR_MODES) {
      expect(isColourMode(id)).toBe(true);
      expect(colourModeDef(id).id).toBe(id);
    }
    expect(isColourMode('rainbow')).toBe(false);
  });

  it.each(COLOUR_MODE_DEFS.map((m) => [m.id, m] as const))(
    '%s: a shader branch, a CPU colour for every node and a legend',
    (_id, mode) => {
      expect(mode.label.trim()).not.toBe('');
      // The branch compiled into every layer that colours by mode.
      const branch = `if (uMode == ${mode.shaderIndex}) c = ${mode.glsl};`;
      for (const glsl of [PALETTE_GLSL, LINE_VERTEX, SOMA_VERTEX]) expect(glsl).toContain(branch);
      const unknown = (mode.glsl.match(/[A-Za-z_]\w*/g) ?? []).filter((w) => !GLSL_SCOPE.has(w));
      expect(unknown, 'identifiers outside modeColour’s scope').toEqual([]);

      const d = detail();
      const colour = nodeColourFn(
        {
          mode: mode.id as (typeof COLOUR_MODES)[number],
          userRgb: new Map([[3, [10, 20, 30]]]),
          maxStrahler: 3,
          zRange: [0, 5000],
        },
        [200, 100, 50],
        d,
        strahlerOrders(d.parentIndex),
      );
      const colours = Array.from({ length: d.nodeCount }, (_, i) => colour(i));
      for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);

      const legend = buildLegend({
        ...legendInput,
        mode: mode.id as (typeof COLOUR_MODES)[number],
      });
      expect(legend.title).toBe(mode.label);
      expect(legend.entries.length > 0 || legend.gradient !== null, 'legend explains it').toBe(
        true,
      );
    },
  );

  it('has no mode number in the shaders that the registry does not define', () => {
    const used = [...PALETTE_GLSL.matchAll(/uMode == (\d+)/g)].map((m) => Number(m[1]));
    expect(used.sort()).toEqual(COLOUR_MODE_DEFS.map((m) => m.shaderIndex).sort());
  });

  it('creation time: oldest to newest along the time ramp, unknown nodes grey', () => {
    const d = detail();
    const orders = strahlerOrders(d.parentIndex);
    const times = new Float64Array(d.nodeCount).map((_, i) => 1_000_000 + i * 1000);
    times[3] = Number.NaN;
    const range: [number, number] = [1_000_000, 1_000_000 + (d.nodeCount - 1) * 1000];
    const colour = nodeColourFn(
      { mode: 'ctime', userRgb: new Map(), maxStrahler: 3, zRange: [0, 1], timeRange: range },
      [0, 0, 0],
      d,
      orders,
      times,
    );
    expect(colour(0)).toBe('#280b54'); // oldest: first ramp stop
    expect(colour(d.nodeCount - 1)).toBe('#fac127'); // newest: last stop
    expect(colour(3)).toBe('#a0a0a0'); // no time
    const legend = buildLegend({ ...legendInput, mode: 'ctime', timeRangeMs: range });
    expect(legend.gradient?.from).toBe('created 1970-01-01 00:16 UTC');
    expect(legend.gradient?.to).toBe('1970-01-01 00:17 UTC');
  });

  it('review: reviewed and not reviewed apart, unknown grey; the legend names who counts', () => {
    const d = detail();
    const codes = new Uint8Array(d.nodeCount);
    codes[1] = 1;
    codes[2] = 2;
    const colour = nodeColourFn(
      { mode: 'review', userRgb: new Map(), maxStrahler: 3, zRange: [0, 1] },
      [0, 0, 0],
      d,
      strahlerOrders(d.parentIndex),
      undefined,
      codes,
    );
    expect(colour(0)).toBe('#a0a0a0');
    expect(colour(1)).toBe('#d946ef');
    expect(colour(2)).toBe('#22c55e');
    const labels = (review: Parameters<typeof buildLegend>[0]['review']) =>
      buildLegend({ ...legendInput, mode: 'review', review }).entries.map((e) => e.label);
    expect(labels({ reviewers: null, coded: 2, total: 2 })).toEqual([
      'reviewed by anyone',
      'not reviewed',
    ]);
    expect(labels({ reviewers: ['alice', 'bob'], coded: 1, total: 2 })).toEqual([
      'reviewed by alice, bob',
      'not reviewed',
      'loading reviews…',
    ]);
  });

  it('colours as the mode says: creator from the user palette, depth along z', () => {
    const d = detail();
    const orders = strahlerOrders(d.parentIndex);
    const ctx = { userRgb: new Map([[3, [10, 20, 30] as [number, number, number]]]) };
    const creator = nodeColourFn(
      { ...ctx, mode: 'creator', maxStrahler: 3, zRange: [0, 5000] },
      [0, 0, 0],
      d,
      orders,
    );
    expect(creator(0)).toBe('#0a141e');
    expect(creator(1)).toBe('#808080'); // user 4 has no colour: grey
    const depth = nodeColourFn(
      { ...ctx, mode: 'depth', maxStrahler: 3, zRange: [0, 5000] },
      [0, 0, 0],
      d,
      orders,
    );
    expect(depth(0)).not.toBe(depth(d.nodeCount - 1));
  });
});
