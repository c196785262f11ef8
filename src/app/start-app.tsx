import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { parseUrlState } from '../state/url-state.ts';
import { App } from './App.tsx';
import { preloadView } from './ViewSwitch.tsx';

/** The app's second start stage (../main.tsx): renders it into the root React created. */
export function renderApp(root: Root): void {
  // The view's chunk loads while the dashboard config and project list are fetched.
  preloadView(parseUrlState(`${location.search}${location.hash}`).view);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
