import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { catmaidProxy } from './server/proxy/vite-plugin.ts';

export default defineConfig({
  plugins: [react(), catmaidProxy()],
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    strictPort: Boolean(process.env.PORT),
  },
  preview: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 4173),
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Maps are written for debugging but not referenced from the bundles, and `npm run serve`
    // refuses `*.map` unless SERVE_SOURCEMAPS=1: production does not publish its sources.
    sourcemap: 'hidden',
    // The manifest lets scripts/check-bundle.ts hold the initial bundle to its budget.
    manifest: true,
    chunkSizeWarningLimit: 4096,
  },
});
