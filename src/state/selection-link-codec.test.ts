import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url.ts';
import { decodeSelectionLink, encodeSelectionLink } from './selection-link-codec.ts';
import type { SelectedSkeleton } from './selection-types.ts';
import { parseUrlState, serializeUrlState } from './url-state.ts';

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function neurons(n: number, seed = 1): SelectedSkeleton[] {
  const rand = lcg(seed);
  const seen = new Set<number>();
  const out: SelectedSkeleton[] = [];
  const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#123456', '#ffffff'];
  while (out.length < n) {
    const skeletonId = 1 + Math.floor(rand() * 30_000_000);
    if (seen.has(skeletonId)) continue;
    seen.add(skeletonId);
    out.push({
      skeletonId,
      color: palette[Math.floor(rand() * palette.length)] ?? '#000000',
      visible: rand() > 0.1,
      opacity: rand() > 0.8 ? Math.round(rand() * 1000) / 1000 : 1,
    });
  }
  return out;
}

describe('compact selection links', () => {
  it('round-trips 10,000 neurons with colours, opacity, visibility and order, compactly', () => {
    const items = neurons(10_000);
    const text = encodeSelectionLink(items);
    expect(decodeSelectionLink(text)).toEqual({ ok: true, items });
    // The readable form needs ~20 bytes per neuron; random ids and order cost most of this.
    expect(text.length).toBeLessThan(10_000 * 8);
    const href = serializeUrlState({
      ...parseUrlState(''),
      selection: { items, colorBy: null, rejected: [] },
    });
    expect(href.startsWith('#selz=')).toBe(true);
    expect(parseUrlState(href).selection?.items).toEqual(items);
  });

  it('keeps the exact 53-bit ids and the empty selection', () => {
    const items: SelectedSkeleton[] = [
      { skeletonId: Number.MAX_SAFE_INTEGER, color: '#000001', visible: false, opacity: 0 },
      { skeletonId: 0, color: '#fffffe', visible: true, opacity: 0.001 },
    ];
    expect(decodeSelectionLink(encodeSelectionLink(items))).toEqual({ ok: true, items });
    expect(decodeSelectionLink(encodeSelectionLink([]))).toEqual({ ok: true, items: [] });
  });

  it('a selection in ascending order carries no permutation (smaller)', () => {
    const items = neurons(2000).sort((a, b) => a.skeletonId - b.skeletonId);
    const shuffled = [...items].reverse();
    expect(encodeSelectionLink(items).length).toBeLessThan(encodeSelectionLink(shuffled).length);
  });

  it('garbled, truncated or hostile input gives a reason and never throws', () => {
    const good = encodeSelectionLink(neurons(500));
    const bad = [
      '',
      '!!!',
      'a',
      good.slice(0, good.length >> 1),
      good.slice(0, -3),
      `${good}!`,
      good.replace(/[A-M]/g, 'x'),
      toBase64Url(deflateSync(new Uint8Array([2, 0, 0]))), // a future version
      toBase64Url(deflateSync(new Uint8Array([1, 3, 1, 0, 0, 0, 5, 0, 0]))), // repeated id
      toBase64Url(deflateSync(new Uint8Array([1, 1, 1, 0, 0, 0, 5, 0, 0, 0, 0]))), // extra byte
      toBase64Url(deflateSync(new Uint8Array(20_000_000))), // inflates too far
    ];
    for (const text of bad) {
      const r = decodeSelectionLink(text);
      expect(r.ok, text.slice(0, 30)).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/\w/);
    }
    const rand = lcg(7);
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(rand() * good.length);
      const mutated = `${good.slice(0, at)}${'AZaz09-_'[i % 8]}${good.slice(at + 1)}`;
      expect(() => decodeSelectionLink(mutated)).not.toThrow();
    }
  });

  it('a damaged link keeps the rest of the URL and says what is wrong', () => {
    const state = parseUrlState('?view=stats&q=PN#selz=AAAAbroken&selby=cell+type');
    expect(state.view).toBe('stats');
    expect(state.search.name).toBe('PN');
    expect(state.selection?.items).toEqual([]);
    expect(state.selection?.problem).toMatch(/\w/);
  });
});
