import { describe, expect, it } from 'vitest';
import { arborAsOf, historyEvents, liveArbor } from './as-of.ts';
import { version } from './test-trees.ts';

/**
 * Root 1 (t=10), child 2 (t=20, moved at t=50 from x=7 to x=0), twig 3 on 2 created at 30 and
 * deleted at 40 (historic only), node 4 created at 60 (live, never edited).
 */
const versions = [
  version(1, null, 10, Infinity),
  { ...version(2, 1, 50, Infinity), createdAt: 20 },
  version(2, 1, 20, 50, { x: 7 }),
  version(3, 2, 30, 40),
  version(4, 2, 60, Infinity),
];

const ids = (t: number) =>
  arborAsOf(versions, t)
    .map((n) => n.nodeId)
    .sort();

describe('arborAsOf', () => {
  it('follows creation, deletion and edits through time', () => {
    expect(ids(5)).toEqual([]);
    expect(ids(10)).toEqual([1]);
    expect(ids(25)).toEqual([1, 2]);
    expect(ids(35)).toEqual([1, 2, 3]);
    // [from, to) is half-open: at 40 the twig is already gone.
    expect(ids(40)).toEqual([1, 2]);
    expect(ids(70)).toEqual([1, 2, 4]);
  });

  it('takes the version valid then: the old place before the move, the new one after', () => {
    expect(arborAsOf(versions, 45).find((n) => n.nodeId === 2)?.x).toBe(7);
    expect(arborAsOf(versions, 55).find((n) => n.nodeId === 2)?.x).toBe(0);
  });

  it('keeps the creation time on every reconstructed node', () => {
    expect(arborAsOf(versions, 45).find((n) => n.nodeId === 2)?.createdAt).toBe(20);
  });

  it('counts a live node edited without a kept history row from its creation', () => {
    const v = [{ ...version(1, null, 50, Infinity), createdAt: 10 }];
    expect(arborAsOf(v, 30).map((n) => n.nodeId)).toEqual([1]);
    expect(arborAsOf(v, 5)).toEqual([]);
  });

  it('detaches a node whose parent did not exist yet', () => {
    const v = [version(1, null, 50, Infinity), version(2, 1, 10, Infinity)];
    expect(arborAsOf(v, 20)).toEqual([expect.objectContaining({ nodeId: 2, parentId: null })]);
  });

  it('today equals the live tree', () => {
    expect(
      arborAsOf(versions, 1e12)
        .map((n) => n.nodeId)
        .sort(),
    ).toEqual(liveArbor(versions).map((n) => n.nodeId));
  });
});

describe('historyEvents', () => {
  it('lists every creation, edit and deletion once, in order', () => {
    expect(historyEvents(versions)).toEqual([10, 20, 30, 40, 50, 60]);
  });
});
