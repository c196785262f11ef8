import { describe, expect, it } from 'vitest';
import { encodeForm, formPairs, repeated } from './encode-form.ts';

describe('encodeForm', () => {
  it('indexes lists, always', () => {
    expect(encodeForm({ skeleton_ids: [16, 17] })).toBe('skeleton_ids[0]=16&skeleton_ids[1]=17');
    expect(encodeForm({ skeleton_ids: [16] })).toBe('skeleton_ids[0]=16');
  });

  it('indexes nested lists as name[i][j]', () => {
    expect(
      encodeForm({
        names: [
          [16, 'PN a'],
          [17, 'KC'],
        ],
      }),
    ).toBe('names[0][0]=16&names[0][1]=PN+a&names[1][0]=17&names[1][1]=KC');
  });

  it('sends booleans as true/false (CATMAID reads 1/on/yes as false)', () => {
    expect(encodeForm({ with_connectors: true, with_tags: false })).toBe(
      'with_connectors=true&with_tags=false',
    );
  });

  it('drops undefined and null, keeps 0 and empty string', () => {
    expect(encodeForm({ a: undefined, b: null, c: 0, d: '' })).toBe('c=0&d=');
    expect(encodeForm({ ids: [1, null, 3] })).toBe('ids[0]=1&ids[2]=3');
  });

  it('sends a repeated plain key when asked (query-targets annotated_by)', () => {
    expect(encodeForm({ annotated_by: repeated([3, 5]) })).toBe('annotated_by=3&annotated_by=5');
  });

  it('keeps the order of explicit pairs, including duplicate keys', () => {
    expect(
      encodeForm([
        ['b', 1],
        ['a', [2]],
        ['b', 3],
      ]),
    ).toBe('b=1&a[0]=2&b=3');
  });

  it('percent-encodes values but leaves brackets raw', () => {
    expect(encodeForm({ name: '/^PN.*right$', q: 'a&b=c', x: 'ü' })).toBe(
      'name=%2F%5EPN.*right%24&q=a%26b%3Dc&x=%C3%BC',
    );
    expect(encodeForm({ name: '[ab]' })).toBe('name=[ab]');
  });

  it('exposes unescaped wire pairs', () => {
    expect(formPairs({ ids: [1, 2], flag: true })).toEqual([
      ['ids[0]', '1'],
      ['ids[1]', '2'],
      ['flag', 'true'],
    ]);
  });

  it('round-trips through URLSearchParams', () => {
    const parsed = new URLSearchParams(encodeForm({ name: 'a b+c', ids: [1, 2] }));
    expect([...parsed]).toEqual([
      ['name', 'a b+c'],
      ['ids[0]', '1'],
      ['ids[1]', '2'],
    ]);
  });
});
