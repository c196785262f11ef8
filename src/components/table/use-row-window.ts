/**
 * The rows of a fixed-row-height table to render (row-window.ts), following the scroll element's
 * scroll position and size. State changes only when the visible row range does, and a scroll
 * renders synchronously (flushSync) so a fast flick never paints empty rows.
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { rowWindow, scrollTopToShow, type RowWindow } from './row-window.ts';

interface View {
  top: number;
  height: number;
}

/** Rows in view only (no overscan, no count): what scrolling within one row does not change. */
const viewKey = (v: View, rowHeight: number) =>
  `${Math.floor(v.top / rowHeight)}:${Math.ceil((v.top + v.height) / rowHeight)}`;

export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow & { onScreen: RowWindow; scrollToIndex: (index: number) => void } {
  const [view, setView] = useState<View>({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = (sync: boolean) => {
      const next = { top: el.scrollTop, height: el.clientHeight };
      const update = () =>
        setView((v) =>
          v.height === next.height && viewKey(v, rowHeight) === viewKey(next, rowHeight) ? v : next,
        );
      if (sync) flushSync(update);
      else update();
    };
    read(false);
    const onScroll = () => read(true);
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => read(false));
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
    };
  }, [scrollRef, rowHeight]);
  // The row count changes (pages arriving) without a scroll: the window is derived per render.
  const win = rowWindow(view.top, view.height, count, rowHeight, overscan);
  // The rows actually on screen (what a caller loads details for: overscan rows would double it).
  const onScreen = rowWindow(view.top, view.height, count, rowHeight, 0);
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el || index < 0) return;
      const top = scrollTopToShow(index, el.scrollTop, el.clientHeight, rowHeight);
      if (top !== null) el.scrollTop = top;
    },
    [scrollRef, rowHeight],
  );
  return { ...win, onScreen, scrollToIndex };
}
