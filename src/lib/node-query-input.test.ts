import { describe, expect, it } from 'vitest';
import { catmaidLink } from './catmaid-link.ts';
import { parseNodeQuery } from './node-query-input.ts';

describe('parseNodeQuery', () => {
  it('a bare id (spaces and a leading # allowed)', () => {
    expect(parseNodeQuery(' 23674 ')).toEqual({
      nodeId: 23674,
      skeletonId: null,
      projectId: null,
      location: null,
    });
    expect(parseNodeQuery('#42')?.nodeId).toBe(42);
  });

  it('a link the dashboard builds reads back to the same node, skeleton and location', () => {
    const link = catmaidLink({
      webClientUrl: 'https://catmaid.example.org/tracing/',
      projectId: 6,
      stackId: 7,
      zoom: 0,
      location: { x: 17362.2, y: 42240.8, z: 21600 },
      skeletonId: 102994,
      nodeId: 23674,
    });
    expect(parseNodeQuery(link)).toEqual({
      nodeId: 23674,
      skeletonId: 102994,
      projectId: 6,
      location: { x: 17362, y: 42241, z: 21600 },
    });
  });

  it('a link with only a location, or only a skeleton; parseInt as the client does', () => {
    expect(parseNodeQuery('https://h/?pid=1&xp=10.9&yp=20&zp=30&tool=tracingtool')).toEqual({
      nodeId: null,
      skeletonId: null,
      projectId: 1,
      location: { x: 10, y: 20, z: 30 },
    });
    expect(parseNodeQuery('https://h/?active_skeleton_id=16')?.skeletonId).toBe(16);
  });

  it('nothing usable is null', () => {
    for (const t of ['', 'abc', '12a', '-5', '0', 'https://h/?pid=1', 'https://h/?xp=1&yp=2'])
      expect(parseNodeQuery(t)).toBeNull();
  });
});
