import { describe, expect, it } from 'vitest';
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
