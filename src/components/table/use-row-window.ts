/**
 * Fixed-height row windowing for DataTable: only the rows in (and near) the viewport are
 * rendered. Hand-written rather than @tanstack/react-virtual's `useVirtualizer`, which the React
 * Compiler lint flags as incompatible (`react-hooks/incompatible-library`, a warning the lint
 * gate refuses); with one fixed row height the arithmetic is all that is needed.
 */
import { useEffect, useState, type RefObject } from 'react';
import { rowWindow, type RowWindow } from './row-window.ts';

export function useRowWindow(
  count: number,
  rowHeight: number,
  scrollRef: RefObject<HTMLDivElement | null>,
): RowWindow {
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () => setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    read();
    el.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, [scrollRef]);
  return rowWindow(count, rowHeight, view.top, view.height);
}
