/**
 * `npm start`: the dashboard in Vite's dev server, its API proxied to CATMAID_URL or, when no
 * server is named, to the embedded demo server started alongside. Prints the URL it serves.
 */
import { createServer } from 'vite';

const server = await createServer({ clearScreen: false });
await server.listen();
const urls = server.resolvedUrls?.local ?? [];
console.log(`\nCATMAID Dashboard: ${urls[0] ?? '(no local URL)'}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
