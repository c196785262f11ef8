/**
 * Loads plotly's partial cartesian bundle (bar, scatter, heatmap) on first use, as its own chunk:
 * the ~1 MB bundle never sits on the critical path of the app's first paint.
 */
import type * as Plotly from 'plotly.js';

export type PlotlyApi = typeof Plotly;

let loading: Promise<PlotlyApi> | null = null;

export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import('plotly.js-cartesian-dist-min').then((m) => m.default);
  return loading;
}
