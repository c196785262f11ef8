import { describe, expect, it } from 'vitest';
import { sanitizePersisted } from './selection-sanitize.ts';
import { createSelectionStore } from './selection-store.ts';

describe('selection store', () => {
  it('adds skeletons once each, with distinct colours, and removes them', () => {
    const store = createSelectionStore(null);
    store.getState().add([16, 17, 16]);
    store.getState().add([17, 18]);
    const items = store.getState().items;
    expect(items.map((i) => i.skeletonId)).toEqual([16, 17, 18]);
    expect(new Set(items.map((i) => i.color)).size).toBe(3);
    expect(items.every((i) => i.visible && i.opacity === 1)).toBe(true);
    store.getState().remove([17]);
    expect(store.getState().items.map((i) => i.skeletonId)).toEqual([16, 18]);
    store.getState().clear();
    expect(store.getState().items).toEqual([]);
  });
});

describe('selection store: colours, visibility, import', () => {
  const legend = [{ label: 'PN', color: '#ff0000', count: 1 }];

  it('a manual colour or a scheme recolour ends colour by annotation', () => {
    const store = createSelectionStore(null);
    store.getState().add([1, 2]);
    store.getState().setColorBy('cell type');
    store.getState().applyGroupColors(new Map([[1, '#ff0000']]), legend);
    expect(store.getState().items[0]?.color).toBe('#ff0000');
    expect(store.getState().colorLegend).toEqual(legend);
    store.getState().setColor(2, '#00ff00');
    expect(store.getState().colorBy).toBeNull();
    expect(store.getState().colorLegend).toBeNull();
    store.getState().setColorBy('cell type');
    store.getState().recolor('okabe-ito');
    expect(store.getState().colorBy).toBeNull();
    expect(store.getState().items.map((i) => i.color)).toEqual(['#e69f00', '#56b4e9']);
    store.getState().add([3]);
    expect(store.getState().items[2]?.color).toBe('#009e73');
  });

  it('shows, hides, fades; merge updates present neurons and appends the rest', () => {
    const store = createSelectionStore(null);
    store.getState().add([1, 2]);
    store.getState().setVisible([1], false);
    store.getState().setOpacity([2], 7);
    expect(store.getState().items.map((i) => [i.visible, i.opacity])).toEqual([
      [false, 1],
      [true, 1],
    ]);
    store.getState().merge([
      { skeletonId: 2, color: '#123456', opacity: 0.5, visible: true },
      { skeletonId: 9, color: '#abcdef', opacity: 1, visible: true },
    ]);
    expect(store.getState().items.map((i) => [i.skeletonId, i.color, i.opacity])).toEqual([
      [1, '#4e79a7', 1],
      [2, '#123456', 0.5],
      [9, '#abcdef', 1],
    ]);
  });

  it('restores a stored selection defensively', () => {
    const s = sanitizePersisted({
      items: [{ skeletonId: 5, color: 'nope', opacity: 9 }, { skeletonId: 'x' }, 'junk'],
      colorBy: 'cell type',
      colorLegend: legend,
      colorScheme: 'bogus',
      panelOpen: true,
    });
    expect(s.items).toEqual([{ skeletonId: 5, color: '#4e79a7', opacity: 1, visible: true }]);
    expect([s.colorBy, s.colorLegend, s.colorScheme, s.panelOpen]).toEqual([
      'cell type',
      legend,
      'tableau',
      true,
    ]);
    expect(sanitizePersisted('garbage').items).toEqual([]);
    expect(sanitizePersisted({ items: 5, colorLegend: legend }).colorLegend).toBeNull();
  });

  it('handles 100,000 neurons in linear time (each edit well under a second)', () => {
    const store = createSelectionStore(null);
    const ids = Array.from({ length: 100_000 }, (_, i) => i + 1);
    const started = performance.now();
    store.getState().add(ids);
    store.getState().add([...ids.slice(0, 50_000), 100_001]);
    store.getState().setVisible(ids.slice(0, 50_000), false);
    store.getState().setOpacity(ids.slice(50_000), 0.5);
    store
      .getState()
      .merge(
        ids
          .slice(0, 1000)
          .map((skeletonId) => ({ skeletonId, color: '#000000', opacity: 1, visible: true })),
      );
    store.getState().remove(ids.slice(0, 50_000));
    // Quadratic work (a lookup scan per id) would take minutes here.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(store.getState().items).toHaveLength(50_001);
    expect(store.getState().items.filter((i) => i.opacity === 0.5)).toHaveLength(50_000);
  });
});
