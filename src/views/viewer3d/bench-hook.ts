/**
 * Dev/bench hook, installed only when the page URL has `bench=1` (never in normal use):
 * `window.__catmaidDashboard.selectSkeletons(ids)` puts neurons into the selection in one step
 * so `npm run bench` can time "show N neurons → first complete frame" without driving the
 * search UI. The e2e tests do not use it; they go through the real UI.
 */
import { useEffect } from 'react';
import { benchMode } from '../../lib/launch-flags.ts';
import type { SelectionStore } from '../../state/selection-store.ts';

interface BenchHook {
  selectSkeletons(ids: readonly number[]): number;
  clearSelection(): void;
}

declare global {
  interface Window {
    __catmaidDashboard?: BenchHook;
  }
}

export function useBenchHook(store: SelectionStore): void {
  useEffect(() => {
    if (!benchMode) return;
    window.__catmaidDashboard = {
      selectSkeletons(ids) {
        const t = performance.now();
        store.getState().add(ids);
        return t;
      },
      clearSelection() {
        store.getState().clear();
      },
    };
    return () => {
      delete window.__catmaidDashboard;
    };
  }, [store]);
}
