import { describe, expect, it } from 'vitest';
import { rowWindow, scrollTopToShow } from './row-window.ts';

describe('rowWindow', () => {
  it('shows the rows under the viewport plus overscan on both sides', () => {
    // 300 px at 30 px per row from row 100 (3,000 px): rows 100-109, ±5.
    expect(rowWindow(3000, 300, 50_000, 30, 5)).toEqual({ start: 95, end: 115 });
  });

  it('counts a partly visible row at either edge', () => {
    expect(rowWindow(3015, 300, 50_000, 30, 0)).toEqual({ start: 100, end: 111 });
  });

  it('clamps to the first and last rows', () => {
    expect(rowWindow(0, 300, 50_000, 30, 12)).toEqual({ start: 0, end: 22 });
    expect(rowWindow(1_000_000, 300, 40, 30, 12)).toEqual({ start: 27, end: 40 });
  });

  it('shows nothing without rows or without a viewport (no layout yet)', () => {
    expect(rowWindow(0, 300, 0, 30, 12)).toEqual({ start: 0, end: 0 });
    expect(rowWindow(0, 0, 100, 30, 12)).toEqual({ start: 0, end: 0 });
  });
});

describe('scrollTopToShow', () => {
  it('scrolls up to a row above the viewport and down to one below it', () => {
    expect(scrollTopToShow(10, 600, 300, 30)).toBe(300);
    expect(scrollTopToShow(40, 600, 300, 30)).toBe(930);
  });

  it('leaves a fully visible row where it is', () => {
    expect(scrollTopToShow(25, 600, 300, 30)).toBeNull();
  });
});
