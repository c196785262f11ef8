import { describe, expect, it } from 'vitest';
import { catmaidLink, type CatmaidLinkParts } from './catmaid-link.ts';

const parts: CatmaidLinkParts = {
  webClientUrl: 'https://catmaid.example.org/',
  projectId: 6,
  stackId: 3,
  zoom: 0,
  location: { x: 17362.2, y: 42240.8, z: 21600.0 },
  skeletonId: 102994,
  nodeId: 23674,
};

function query(url: string): [string, string][] {
  return [...new URL(url).searchParams];
}

describe('catmaidLink', () => {
  it('carries every parameter of the web client deep link, in pymaid order', () => {
    expect(catmaidLink(parts)).toBe(
      'https://catmaid.example.org/?pid=6&xp=17362&yp=42241&zp=21600&tool=tracingtool&sid0=3&s0=0&active_skeleton_id=102994&active_node_id=23674',
    );
  });

  it('writes whole nanometres, as the client parses them with parseInt', () => {
    const url = catmaidLink({ ...parts, location: { x: 41150.3984375, y: -0.4, z: 7.5 } });
    expect(query(url).filter(([k]) => /^[xyz]p$/.test(k))).toEqual([
      ['xp', '41150'],
      ['yp', '0'],
      ['zp', '8'],
    ]);
    for (const [, v] of query(url)) expect(v).not.toMatch(/[.e]/);
  });

  it('gives the same link for a base with or without trailing slashes', () => {
    const want = catmaidLink(parts);
    expect(catmaidLink({ ...parts, webClientUrl: 'https://catmaid.example.org' })).toBe(want);
    expect(catmaidLink({ ...parts, webClientUrl: 'https://catmaid.example.org//' })).toBe(want);
    expect(catmaidLink({ ...parts, webClientUrl: ' https://catmaid.example.org/ ' })).toBe(want);
  });

  it('keeps a sub-path base, with or without its trailing slash', () => {
    for (const base of ['https://host.org/tracing/fafb/v14', 'https://host.org/tracing/fafb/v14/'])
      expect(catmaidLink({ ...parts, webClientUrl: base })).toMatch(
        /^https:\/\/host\.org\/tracing\/fafb\/v14\/\?pid=6&xp=/,
      );
  });

  it('drops a query or fragment pasted with the base instead of appending a second query', () => {
    const url = catmaidLink({ ...parts, webClientUrl: 'https://host.org/catmaid/?pid=1#x' });
    expect(url.startsWith('https://host.org/catmaid/?pid=6&')).toBe(true);
    expect(query(url).filter(([k]) => k === 'pid')).toEqual([['pid', '6']]);
  });

  it('sends a non-zero zoom level and negative project ids as given', () => {
    const url = catmaidLink({ ...parts, projectId: -2, zoom: 3 });
    expect(new URL(url).searchParams.get('pid')).toBe('-2');
    expect(new URL(url).searchParams.get('s0')).toBe('3');
  });

  it('refuses to build a partial link', () => {
    expect(() => catmaidLink({ ...parts, webClientUrl: '' })).toThrow(/web client/);
    expect(() => catmaidLink({ ...parts, stackId: Number.NaN })).toThrow(/stack id/);
    expect(() => catmaidLink({ ...parts, nodeId: 1.5 })).toThrow(/node id/);
    expect(() => catmaidLink({ ...parts, location: { x: 1, y: Infinity, z: 0 } })).toThrow(/y/);
  });
});
