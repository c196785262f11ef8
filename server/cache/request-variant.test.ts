import { describe, expect, it } from 'vitest';
import { cachedRequest } from './request-variant.ts';

const FORM = 'application/x-www-form-urlencoded';
const batch = (body: string) =>
  cachedRequest('POST', '/1/skeletons/compact-detail', '', Buffer.from(body), FORM);

describe('cachedRequest: the 3D view geometry first', () => {
  it('caches the geometry-only answer as its own variant, apart from connectors and tags', () => {
    const nodes = batch('skeleton_ids%5B0%5D=7&skeleton_ids%5B1%5D=8&format=msgpack');
    const full = batch(
      'skeleton_ids%5B0%5D=7&skeleton_ids%5B1%5D=8&with_connectors=true&with_tags=true&format=msgpack',
    );
    expect(nodes).toMatchObject({ skeletonIds: [7, 8], variant: 'nodes|msgpack' });
    expect(nodes?.flagParams).toEqual([['format', 'msgpack']]);
    expect(full).toMatchObject({ skeletonIds: [7, 8], variant: 'connectors+tags|msgpack' });
  });

  it('the single GET of either variant too', () => {
    const get = (search: string) =>
      cachedRequest('GET', '/1/skeletons/7/compact-detail', search, undefined, undefined);
    expect(get('format=msgpack')?.variant).toBe('nodes|msgpack');
    expect(get('with_tags=true&with_connectors=true&format=msgpack')?.variant).toBe(
      'connectors+tags|msgpack',
    );
  });
});
