import { describe, expect, it } from 'vitest';
import { decodeCompactDetail } from '../../api/compact-detail-decode.ts';
import { strahlerOrders } from '../../analysis/morphology/strahler.ts';
import { matrixProjector, niceScaleBar } from './projector.ts';
import { simplifyPolyline, treePaths } from './simplify.ts';
import { buildSvgFigure } from './svg-document.ts';
import { parseSwc, writeSwc } from './swc.ts';
import { connectorTableCsv, nodeTableCsv } from './csv.ts';
import { unzipStored, zipStored } from './zip.ts';

function detail() {
  const nodes: unknown[] = [[1, null, 3, 0, 0, 0, 800, 5]];
  for (let i = 2; i <= 200; i++) nodes.push([i, i - 1, 3, i * 10, Math.sin(i) * 0.01, 0, -1, 5]);
  nodes.push([500, 100, 4, 1000, 300, 0, -1, 5]);
  return decodeCompactDetail([nodes, [[150, 77, 0, 1500, 0, 0]], { soma: [1] }, [], []], 42);
}

describe('polyline simplification', () => {
  it('drops collinear points within tolerance and keeps corners and endpoints', () => {
    expect(simplifyPolyline([0, 0, 1, 0.1, 2, 0, 3, 0], 0.5)).toEqual([0, 0, 3, 0]);
    expect(simplifyPolyline([0, 0, 5, 5, 10, 0], 0.5)).toEqual([0, 0, 5, 5, 10, 0]);
    expect(simplifyPolyline([1, 1], 0.5)).toEqual([1, 1]);
  });

  it('splits a tree into unbranched paths covering every edge once', () => {
    const p = Int32Array.from([-1, 0, 1, 1, 3]);
    const paths = treePaths(p);
    const edges = paths.reduce((s, path) => s + path.length - 1, 0);
    expect(edges).toBe(4);
    expect(paths).toContainEqual([2, 1]);
    expect(paths).toContainEqual([1, 0]);
    expect(paths).toContainEqual([4, 3, 1]);
  });
});

describe('SVG figure', () => {
  const identity = [1 / 2000, 0, 0, 0, 0, -1 / 2000, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  it('has one group per neuron with id = skeleton id, a title, soma and scale bar', () => {
    const d = detail();
    const svg = buildSvgFigure({
      projector: matrixProjector(identity, 800, 600, [1, 0, 0]),
      neurons: [
        {
          skeletonId: 42,
          name: 'PN <left> & co',
          detail: d,
          strahler: strahlerOrders(d.parentIndex),
          rgb: [255, 0, 0],
          opacity: 1,
          somaIndex: d.somaIndex,
          somaRadiusNm: 800,
        },
      ],
      colour: { mode: 'selection', userRgb: new Map(), maxStrahler: 2, zRange: [0, 1] },
      volumes: [
        {
          name: 'box',
          positions: Float32Array.from([0, 0, 0, 1000, 0, 0, 0, 1000, 0]),
          indices: Uint32Array.from([0, 1, 2]),
          rgb: [0, 0, 255],
          opacity: 0.3,
        },
      ],
      showPre: true,
      showPost: true,
      markers: new Float32Array(0),
      background: 'transparent',
      scaleBarAt: [0, 0, 0],
      legend: null,
      title: 't',
    });
    expect(svg.match(/<g id="42" class="neuron"/g)).toHaveLength(1);
    expect(svg).toContain('<title>PN &#60;left&#62; &#38; co</title>');
    expect(svg).toContain('class="soma"');
    expect(svg).toContain('id="scale-bar"');
    expect(svg).toContain('fill-opacity="0.3"');
    expect(svg).not.toContain('id="background"');
    // 200 nearly collinear nodes simplify to a handful of points.
    const points = (svg.match(/L/g) ?? []).length;
    expect(points).toBeLessThan(20);
  });

  it('picks round scale bar lengths', () => {
    expect(niceScaleBar(0.01, 120)).toMatchObject({ nm: 10000, label: '10 µm' });
    expect(niceScaleBar(1, 120)).toMatchObject({ nm: 100, label: '100 nm' });
    expect(niceScaleBar(0, 120)).toBeNull();
  });
});

describe('SWC and CSV', () => {
  it('round-trips node count, ids, parents and the soma', () => {
    const d = detail();
    const nodes = parseSwc(writeSwc(d, { skeletonId: 42, name: 'n', source: 'test' }));
    expect(nodes).toHaveLength(d.nodeCount);
    expect(nodes.filter((n) => n.parent === -1)).toHaveLength(1);
    expect(nodes.find((n) => n.id === 500)?.parent).toBe(100);
    expect(nodes.find((n) => n.id === 1)).toMatchObject({ type: 1, radius: 800 });
    expect(() => parseSwc('1 0 x 0 0 0 -1')).toThrow(/line 1/);
  });

  it('writes one CSV row per node with quoted names', () => {
    const d = detail();
    const csv = nodeTableCsv(
      [{ skeletonId: 42, name: 'a, "b"', detail: d, strahler: strahlerOrders(d.parentIndex) }],
      () => 'u',
    );
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(d.nodeCount + 1);
    expect(lines[1]).toContain('"a, ""b"""');
  });

  it('writes float32 coordinates with the digits CATMAID prints, not float32 noise', () => {
    const d = decodeCompactDetail(
      [[[7, null, 3, 41150.4, 31593.2, 0.1, 12.3, 5]], [[9, 7, 0, 41150.4, 1.7, 2]], {}, [], []],
      42,
    );
    const s = { skeletonId: 42, name: 'n', detail: d, strahler: strahlerOrders(d.parentIndex) };
    expect(nodeTableCsv([s], () => 'u').split('\n')[1]).toContain(',41150.4,31593.2,0.1,12.3,');
    expect(connectorTableCsv([s]).split('\n')[1]).toContain(',41150.4,1.7,2');
  });

  it('zips and unzips stored entries', () => {
    const enc = new TextEncoder();
    const zip = zipStored([
      { name: 'a.swc', data: enc.encode('hello') },
      { name: 'b.swc', data: enc.encode('') },
    ]);
    const back = unzipStored(zip);
    expect(back.map((e) => e.name)).toEqual(['a.swc', 'b.swc']);
    expect(new TextDecoder().decode(back[0]?.data)).toBe('hello');
  });
});

describe('SVG path data', () => {
  it('writes relative steps that add up to the absolute points', async () => {
    const { pathData } = await import('./svg-neurons.ts');
    const d = pathData([10.04, 20, 11.26, 19.5, 9, 25]);
    expect(d).toBe('M10 20l1.3-0.5-2.3 5.5');
  });
});
