/**
 * Windowing for a list of fixed-height rows: only the rows in view (plus a margin) are
 * rendered, so a selection of thousands of neurons stays light. `scrollToIndex` brings a row
 * into view (the highlighted neuron).
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface RowRange {
  start: number;
  end: number;
}

const OVERSCAN = 8;

export function useFixedRows(
  count: number,
  rowHeight: number,
  scrollRef: RefObject<HTMLElement | null>,
): { range: RowRange; scrollToIndex(index: number): void } {
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [scrollRef]);
  const start = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop || top + rowHeight > el.scrollTop + el.clientHeight)
        el.scrollTo({ top: Math.max(0, top - el.clientHeight / 2 + rowHeight / 2) });
    },
    [scrollRef, rowHeight],
  );
  return { range: { start, end }, scrollToIndex };
}
