import { describe, expect, it } from 'vitest';
import { arborAsOf, liveArbor } from './as-of.ts';
import { classifyAsOf, type EdgeChange } from './as-of-changes.ts';
import { version } from './test-trees.ts';

/**
 * A small history (times in ms, x in nm):
 * - 1 root and 2 on 1: created at 10, never edited;
 * - 3 on 2: created at 20 at x=25, moved to x=20 at 50;
 * - 4 on 3: created at 20, reparented onto 2 at 60 (same place);
 * - 5 on 2: added at 70;
 * - 6 on 2: created at 20, deleted at 40;
 * - 7 on 2 and 8 on 7: created at 20, split off into another skeleton at 45 (so only their
 *   historic rows remain in this skeleton's history);
 * - 9 on 3: created at 20, never edited (its parent moved under it).
 */
const versions = [
  version(1, null, 10, Infinity),
  version(2, 1, 10, Infinity, { x: 10 }),
  version(3, 2, 50, Infinity, { x: 20, createdAt: 20 }),
  version(3, 2, 20, 50, { x: 25 }),
  version(4, 2, 60, Infinity, { x: 30, y: 5, createdAt: 20 }),
  version(4, 3, 20, 60, { x: 30, y: 5 }),
  version(5, 2, 70, Infinity, { x: 15, y: 10 }),
  version(6, 2, 20, 40, { x: 10, y: -10 }),
  version(7, 2, 20, 45, { x: 0, y: 10 }),
  version(8, 7, 20, 45, { x: 0, y: 20 }),
  version(9, 3, 20, Infinity, { x: 40 }),
];
const now = liveArbor(versions);
const at = (t: number) => classifyAsOf(arborAsOf(versions, t), now);

const edgeIds = (t: number, change: EdgeChange) =>
  at(t)
    .edges.filter((e) => e.change === change)
    .map((e) => `${e.child.nodeId}>${e.parent.nodeId}`)
    .sort();

describe('classifyAsOf', () => {
  it('classes each node: kept, moved or reparented, deleted or split off, added', () => {
    const c = at(30);
    expect(Object.fromEntries(c.nodeChange)).toEqual({
      1: 'kept',
      2: 'kept',
      3: 'changed', // moved
      4: 'changed', // reparented
      5: 'added',
      6: 'deleted',
      7: 'deleted', // split off
      8: 'deleted',
      9: 'kept', // its parent moved, it did not
    });
    expect(c.nodeCounts).toEqual({ kept: 3, changed: 2, deleted: 3, added: 1 });
  });

  it('draws an edge in the old colour only when neither end moved nor the child changed parent', () => {
    expect(edgeIds(30, 'kept')).toEqual(['2>1']);
    // 9 stayed but its parent 3 moved: the old edge is gone and the new one added.
    expect(edgeIds(30, 'gone')).toEqual(['3>2', '4>3', '6>2', '7>2', '8>7', '9>3']);
    expect(edgeIds(30, 'added')).toEqual(['3>2', '4>2', '5>2', '9>3']);
    expect(at(30).edgeCounts).toEqual({ kept: 1, gone: 6, added: 4 });
  });

  it('draws the old places of the gone edges and the new places of the added ones', () => {
    const edges = at(30).edges.filter((e) => e.child.nodeId === 3);
    expect(edges.map((e) => [e.change, e.child.x])).toEqual([
      ['gone', 25],
      ['added', 20],
    ]);
  });

  it('after the move and the split, only the reparenting and the addition remain', () => {
    const c = at(55);
    expect(c.nodeCounts).toEqual({ kept: 4, changed: 1, deleted: 0, added: 1 });
    expect(edgeIds(55, 'gone')).toEqual(['4>3']);
    expect(edgeIds(55, 'added')).toEqual(['4>2', '5>2']);
    expect(edgeIds(55, 'kept')).toEqual(['2>1', '3>2', '9>3']);
  });

  it('today against today is all kept: "Now" draws the current skeleton alone', () => {
    const c = classifyAsOf(now, now);
    expect(c.nodeCounts).toEqual({ kept: 6, changed: 0, deleted: 0, added: 0 });
    expect(c.edgeCounts).toEqual({ kept: 5, gone: 0, added: 0 });
  });

  it('before the first node everything of today is added', () => {
    const c = at(5);
    expect(c.nodeCounts).toEqual({ kept: 0, changed: 0, deleted: 0, added: 6 });
    expect(c.edgeCounts).toEqual({ kept: 0, gone: 0, added: 5 });
  });
});
