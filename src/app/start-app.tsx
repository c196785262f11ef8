import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { App } from './App.tsx';

/** The app's second start stage (../main.tsx): renders it into the root React created. */
export function renderApp(root: Root): void {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
