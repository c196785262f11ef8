// The partial (cartesian) plotly bundle has the same API as plotly.js, typed by @types/plotly.js.
declare module 'plotly.js-cartesian-dist-min' {
  import type * as Plotly from 'plotly.js';
  const plotly: typeof Plotly;
  export default plotly;
}
