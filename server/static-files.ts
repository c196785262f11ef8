/** Minimal static file server for the built app, with a single-page-app fallback. */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function createStaticHandler(root: string) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(rootWithSep)) {
      res.writeHead(403).end();
      return;
    }
    let stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      // Client-side routes (and unknown paths) get the app shell; missing assets get a 404.
      if (pathname.startsWith('/assets/')) {
        res.writeHead(404).end();
        return;
      }
      file = join(root, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) {
        // The build is missing (or being rebuilt): say so instead of crashing the server.
        res
          .writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' })
          .end('The dashboard build is not available yet; run `npm run build`.');
        return;
      }
    }
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}
