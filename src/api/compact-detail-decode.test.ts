import { describe, expect, it } from 'vitest';
import { SchemaError } from '../lib/http/errors.ts';
import { decodeCompactDetail } from './compact-detail-decode.ts';
import { nodeIndexById, skeletonTransferables } from './skeleton-detail.ts';

// A 3-node skeleton: 10 (root, soma) ← 11 ← 12; node rows listed out of order on purpose.
const NODES = [
  [11, 10, 6, 2, 0, 0, -1, 5],
  [10, null, 6, 0, 0, 0, 350, 5],
  [12, 11, 7, 4, 1.5, 0, -1, 3],
];

describe('decodeCompactDetail: good fixtures', () => {
  it('decodes nodes into columns with parent indices', () => {
    const d = decodeCompactDetail([NODES, [], {}, [], []], 99);
    expect(d.skeletonId).toBe(99);
    expect(d.nodeCount).toBe(3);
    expect([...d.nodeIds]).toEqual([11, 10, 12]);
    expect([...d.parentIndex]).toEqual([1, -1, 0]);
    expect(d.rootIndex).toBe(1);
    expect([...d.creatorIds]).toEqual([6, 6, 7]);
    expect([...d.positions]).toEqual([2, 0, 0, 0, 0, 0, 4, 1.5, 0]);
    expect([...d.radii]).toEqual([-1, 350, -1]);
    expect([...d.confidences]).toEqual([5, 5, 3]);
    expect(d.creationTimes).toBeUndefined();
    expect(d.somaIndex).toBe(-1);
    expect(d.connectors.nodeIndex).toHaveLength(0);
    expect(d.connectors.linkUserIds).toBeUndefined();
    expect(nodeIndexById(d).get(12)).toBe(2);
  });

  it('decodes connectors, tags (all entry spellings), reviews, annotations', () => {
    const d = decodeCompactDetail(
      [
        NODES,
        [
          [12, 500, 0, 9, 8, 7, 6],
          [10, 501, 1, 1, 2, 3, 7],
        ],
        {
          soma: [[10, 6]],
          ends: [12],
          'history tag': [[11, '2026-10-19 09:00:37+00:00', 6]],
          gone: [404],
        },
        [[12, 1, 8]],
        [[102815], [102817, 6]],
      ],
      99,
    );
    expect([...d.connectors.nodeIndex]).toEqual([2, 1]);
    expect([...d.connectors.connectorIds]).toEqual([500, 501]);
    expect([...d.connectors.relations]).toEqual([0, 1]);
    expect([...d.connectors.positions]).toEqual([9, 8, 7, 1, 2, 3]);
    expect([...(d.connectors.linkUserIds ?? [])]).toEqual([6, 7]);
    expect(d.somaIndex).toBe(1);
    expect([...(d.tags.get('ends') ?? [])]).toEqual([2]);
    expect([...(d.tags.get('history tag') ?? [])]).toEqual([0]);
    expect([...(d.tags.get('gone') ?? [])]).toEqual([]);
    expect([...d.reviews.nodeIndex]).toEqual([2]);
    expect([...d.reviews.reviewerIds]).toEqual([8]);
    expect(d.reviews.reviewTimes).toBeUndefined();
    expect(d.annotationIds).toEqual([102815, 102817]);
  });

  it('with history: only live rows (ordering 1) become nodes; t_b = creation, t_a = edition', () => {
    const t = (s: string) => `2026-10-19 09:00:${s}+00:00`;
    const d = decodeCompactDetail(
      [
        [
          [10, null, 6, 0, 0, 0, -1, 5, t('30'), t('10'), 1],
          [10, null, 6, 5, 5, 5, -1, 5, t('10'), t('30'), 2],
          [11, 10, 6, 1, 0, 0, -1, 5, t('20'), t('20'), 1],
        ],
        [[11, 700, 1, 0, 0, 0, t('40'), t('40'), 9]],
        {},
        [[11, 3, 8, t('50')]],
        [[5, t('55'), 6]],
      ],
      1,
    );
    expect(d.nodeCount).toBe(2);
    expect([...d.positions.slice(0, 3)]).toEqual([0, 0, 0]);
    expect(d.creationTimes?.[0]).toBe(Date.UTC(2026, 9, 19, 9, 0, 10));
    expect(d.editionTimes?.[0]).toBe(Date.UTC(2026, 9, 19, 9, 0, 30));
    expect(d.creationTimes?.[1]).toBe(Date.UTC(2026, 9, 19, 9, 0, 20));
    expect([...(d.connectors.linkUserIds ?? [])]).toEqual([9]);
    expect(d.reviews.reviewTimes?.[0]).toBe(Date.UTC(2026, 9, 19, 9, 0, 50));
    expect(d.annotationIds).toEqual([5]);
  });

  it('accepts legacy 2- and 3-element answers', () => {
    const three = decodeCompactDetail([NODES, [[12, 500, 0, 9, 8, 7]], { soma: [10] }], 1);
    expect(three.somaIndex).toBe(1);
    expect(three.reviews.nodeIndex).toHaveLength(0);
    expect(three.annotationIds).toEqual([]);
    expect(decodeCompactDetail([NODES, []], 1).tags.size).toBe(0);
  });

  it('decodes an empty skeleton', () => {
    const d = decodeCompactDetail([[], [], {}, [], []], 1);
    expect(d.nodeCount).toBe(0);
    expect(d.rootIndex).toBe(-1);
  });

  it('lists every typed-array buffer once as transferable', () => {
    const d = decodeCompactDetail([NODES, [[12, 500, 0, 9, 8, 7]], { soma: [10] }, [], []], 1);
    const buffers = skeletonTransferables(d);
    expect(buffers.length).toBe(new Set(buffers).size);
    expect(buffers).toContain(d.positions.buffer);
    expect(buffers).toContain(d.tags.get('soma')?.buffer);
  });
});

describe('decodeCompactDetail: bad fixtures → SchemaError naming the endpoint', () => {
  it.each([
    ['not an array', { nodes: [] }, '(root)'],
    ['too short', [NODES], '(root)'],
    ['nodes not an array', [{}, [], {}, [], []], 'nodes'],
    ['short node row', [[[1, null, 6, 0, 0, 0, 1]], [], {}, [], []], 'nodes[0]'],
    ['string coordinate', [[NODES[0], [10, null, 6, '0', 0, 0, 1, 5]], [], {}, [], []], 'nodes[1]'],
    ['bad connector', [NODES, [[12, 'c', 0, 0, 0, 0]], {}, [], []], 'connectors[0]'],
    ['tags as list', [NODES, [], [], [], []], 'tags'],
    ['bad tag entry', [NODES, [], { soma: ['x'] }, [], []], 'tags.soma[0]'],
    ['bad review', [NODES, [], {}, [[12]], []], 'reviews[0]'],
    ['bad annotation', [NODES, [], {}, [], [['a']]], 'annotations[0]'],
  ])('%s', (_name, raw, where) => {
    let err: unknown;
    try {
      decodeCompactDetail(raw, 42, 'GET /{pid}/skeletons/{skid}/compact-detail');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).endpoint).toBe('GET /{pid}/skeletons/{skid}/compact-detail');
    expect((err as SchemaError).issues).toContain('skeleton 42');
    expect((err as SchemaError).issues).toContain(where);
  });
});
