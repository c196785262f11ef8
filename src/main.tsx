// First: it reads the launch address before the URL store rewrites it.
import './lib/launch-flags.ts';
import './app/styles.css';
import { warmNumberFormats } from './lib/format.ts';

/**
 * The app starts in two module graphs, each evaluated in a task of its own: React's renderer
 * (the biggest library) first, then the app (react-query, zod, the stores and the shell).
 * Evaluated in one task, the whole start took 45–60 ms of main-thread CPU on the bench machine,
 * a task no other work can interrupt (issue 14: none over 50 ms). Both graphs are preloaded
 * together, so the split costs no extra round trip. ICU's number data, which the first render's
 * counts would load, is loaded in a task between them (lib/format.ts).
 */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const appModule = import('./app/start-app.tsx');
  const { createRoot } = await import('react-dom/client');
  await new Promise((resolve) => setTimeout(resolve, 0));
  warmNumberFormats();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { renderApp } = await appModule;
  renderApp(createRoot(root));
}

void start();
