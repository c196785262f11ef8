/**
 * The Chromium flags that work on this kind of machine (no GPU): headless, software WebGL through
 * SwiftShader, and CPU compositing (`--disable-gpu`). The e2e tests and the benches launch with
 * the same list, so the bench measures the browser the tests run.
 */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
