import { describe, expect, it } from 'vitest';
import {
  COMPACT_KEY,
  MAX_LINK_ITEMS,
  parseSelectionUrl,
  serializeSelectionItems,
  writeSelectionUrl,
  type SelectionUrlState,
} from './selection-url.ts';
import { parseUrlState, serializeUrlState } from './url-state.ts';

const parse = (query: string) => parseSelectionUrl(new URLSearchParams(query));

describe('selection in the URL', () => {
  const state: SelectionUrlState = {
    items: [
      { skeletonId: 16, color: '#ffb200', opacity: 1, visible: true },
      { skeletonId: 2333007, color: '#00ccff', opacity: 0.6, visible: false },
      { skeletonId: 5, color: '#000000', opacity: 0.05, visible: true },
    ],
    colorBy: 'cell type',
    rejected: [],
  };

  it('writes the compact form into the fragment, never into the query', () => {
    const href = serializeUrlState({ ...parseUrlState('?view=3d'), selection: state });
    expect(href).toMatch(/^\?view=3d#selz=[A-Za-z0-9_-]+&selby=cell\+type$/);
    const params = new URLSearchParams();
    writeSelectionUrl(state, params);
    expect(params.get('selby')).toBe('cell type');
    expect(params.has('sel')).toBe(false);
  });

  it('reads the older query form (documented readable entries)', () => {
    expect(serializeSelectionItems(state.items)).toBe(
      '16_ffb200-2333007_00ccff_0.6_h-5_000000_0.05',
    );
    const old = '?view=3d&sel=16_ffb200-2333007_00ccff_0.6_h-5_000000_0.05&selby=cell+type';
    expect(parseUrlState(old).selection).toEqual(state);
    // Rewritten in the current form: the query loses `sel`, the fragment gains `selz`.
    const rewritten = serializeUrlState(parseUrlState(old));
    expect(rewritten.startsWith('?view=3d#selz=')).toBe(true);
    expect(parseUrlState(rewritten).selection).toEqual(state);
  });

  it('a fragment selection wins over a query one', () => {
    const href = serializeUrlState({ ...parseUrlState(''), selection: state });
    expect(parseUrlState(`?sel=99${href}`).selection).toEqual(state);
  });

  it('round-trips through the whole URL state', () => {
    const url = parseUrlState('?view=3d&pid=1');
    const search = serializeUrlState({ ...url, selection: state });
    expect(parseUrlState(search).selection).toEqual(state);
    expect(parseUrlState(search).view).toBe('3d');
  });

  it('no sel key: the URL says nothing; an empty selection writes nothing', () => {
    expect(parse('view=3d')).toBeNull();
    const params = new URLSearchParams();
    writeSelectionUrl({ items: [], colorBy: 'x', rejected: [] }, params);
    expect(params.toString()).toBe('');
  });

  it('reads hand-written links: bare ids, upper case, `,` and `:`, spaces', () => {
    expect(parse('sel=16, 17:FFAA00:1.0:h')?.items).toEqual([
      { skeletonId: 16, color: '#4e79a7', opacity: 1, visible: true },
      { skeletonId: 17, color: '#ffaa00', opacity: 1, visible: false },
    ]);
  });

  it.each([
    ['sel=abc', [], ['abc']],
    ['sel=16:zzzzzz', [], ['16:zzzzzz']],
    ['sel=16:ffffff:1.5', [], ['16:ffffff:1.5']],
    ['sel=16:ffffff:-0.5', [], ['16:ffffff:', '0.5']],
    ['sel=16:ffffff:x:h', [], ['16:ffffff:x:h']],
    ['sel=4x', [], ['4x']],
    ['sel=16_ff0000_h_0.5', [], ['16_ff0000_h_0.5']],
    ['sel=99999999999999999', [], ['99999999999999999']],
    ['sel=%', [], ['%']],
    ['sel=,,,', [], []],
    ['sel=16:ff0000,junk,16:00ff00', [16], ['junk']],
  ])('garbled %s → readable entries kept, the rest named', (query, ids, rejected) => {
    const r = parse(query);
    expect(r?.items.map((i) => i.skeletonId)).toEqual(ids);
    expect(r?.rejected).toEqual(rejected);
    expect(r?.items.every((i) => /^#[0-9a-f]{6}$/.test(i.color))).toBe(true);
  });

  it('a repeated id keeps its first entry; the list and the rejects are capped', () => {
    expect(parse('sel=16:ff0000,16:00ff00')?.items.map((i) => i.color)).toEqual(['#ff0000']);
    const many = Array.from({ length: 6000 }, (_, i) => String(i)).join(',');
    const r = parse(`sel=${many}`);
    expect(r?.items).toHaveLength(5000);
    expect(r?.rejected).toHaveLength(20);
    const items = Array.from({ length: MAX_LINK_ITEMS + 1 }, (_, i) => ({
      skeletonId: i + 1,
      color: '#000000',
      opacity: 1,
      visible: true,
    }));
    const params = new URLSearchParams();
    writeSelectionUrl({ items, colorBy: null, rejected: [] }, params);
    expect(params.has(COMPACT_KEY)).toBe(false);
    expect(parse(`sel=1&selby=${'a'.repeat(900)}`)?.colorBy).toHaveLength(500);
  });

  it('never throws on a garbled whole URL', () => {
    expect(parseUrlState('?sel=%E0%A4%A&selby=%').selection?.items).toEqual([]);
  });
});
