import { describe, expect, it } from 'vitest';
import { MAX_SCENES, rememberBounds, rememberedBounds, sceneKey } from './framed-bounds.ts';
import { memoryStorage } from './memory-storage.ts';

const box = (x: number) => ({
  min: [x, 0, 0] as [number, number, number],
  max: [x + 10, 20, 30] as [number, number, number],
});

describe('sceneKey', () => {
  it('is the same for the same neurons in any order, and differs by server, project and set', () => {
    const a = sceneKey('https://c', 1, [3, 1, 2]);
    expect(sceneKey('https://c', 1, [1, 2, 3, 3])).toBe(a);
    expect(sceneKey('https://d', 1, [1, 2, 3])).not.toBe(a);
    expect(sceneKey('https://c', 2, [1, 2, 3])).not.toBe(a);
    expect(sceneKey('https://c', 1, [1, 2, 4])).not.toBe(a);
    expect(sceneKey('https://c', 1, [1, 2])).not.toBe(a);
  });
});

describe('remembered bounds', () => {
  it('gives back what was remembered for the key, and null for another', () => {
    const s = memoryStorage();
    rememberBounds('k1', box(5), s);
    expect(rememberedBounds('k1', s)).toEqual(box(5));
    expect(rememberedBounds('k2', s)).toBeNull();
    rememberBounds('k1', box(7), s);
    expect(rememberedBounds('k1', s)).toEqual(box(7));
  });

  it('keeps the most recent MAX_SCENES scenes', () => {
    const s = memoryStorage();
    for (let i = 0; i <= MAX_SCENES; i++) rememberBounds(`k${i}`, box(i), s);
    expect(rememberedBounds('k0', s)).toBeNull();
    expect(rememberedBounds('k1', s)).toEqual(box(1));
    expect(rememberedBounds(`k${MAX_SCENES}`, s)).toEqual(box(MAX_SCENES));
  });

  it('drops a garbled store or entry instead of throwing, and refuses bad bounds', () => {
    const s = memoryStorage();
    s.setItem('catmaid-dashboard:framed-bounds:v1', '{not json');
    expect(rememberedBounds('k', s)).toBeNull();
    s.setItem(
      'catmaid-dashboard:framed-bounds:v1',
      JSON.stringify([
        { key: 'a', min: [0, 0], max: [1, 1, 1] },
        { key: 'b', min: [5, 0, 0], max: [1, 1, 1] },
        { key: 'c', min: [0, 0, 0], max: [1, 1, 1] },
      ]),
    );
    expect(rememberedBounds('a', s)).toBeNull();
    expect(rememberedBounds('b', s)).toBeNull();
    expect(rememberedBounds('c', s)).toEqual({ min: [0, 0, 0], max: [1, 1, 1] });
    rememberBounds('d', { min: [NaN, 0, 0], max: [1, 1, 1] }, s);
    expect(rememberedBounds('d', s)).toBeNull();
    expect(rememberedBounds('k', null)).toBeNull();
  });
});
