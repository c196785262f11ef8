/**
 * Static file server for the built app, with a single-page-app fallback. Every path is decoded
 * safely, resolved to its real path (symlinks followed) and served only if that lies inside the
 * real served folder: a link in dist/ pointing elsewhere is refused. Source maps are not served
 * unless `serveSourceMaps` is set (SERVE_SOURCEMAPS=1 for `npm run serve`).
 */
import { createReadStream, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { isBadTarget, parseRequestTarget } from './proxy/request-target.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export interface StaticOptions {
  serveSourceMaps?: boolean;
}

function plain(res: ServerResponse, status: number, text = '', extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...extra }).end(text);
}

/** The real path of `file` if it exists, is a regular file and lies inside `realRoot`. */
async function insideFile(realRoot: string, file: string) {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return undefined;
  }
  if (real === realRoot) return undefined; // the folder itself: the app shell answers
  if (!real.startsWith(realRoot + sep)) return 'outside' as const;
  const info = await stat(real).catch(() => undefined);
  return info?.isFile() ? { real, size: info.size } : undefined;
}

export function createStaticHandler(root: string, options: StaticOptions = {}) {
  let realRoot: string | undefined;
  const rootOf = () => {
    // Resolved lazily: the folder may appear after the server starts (a running build).
    realRoot ??= realpathSync(root);
    return realRoot;
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      return;
    }
    const target = parseRequestTarget(req.url);
    if (isBadTarget(target)) {
      plain(res, 400, `Bad request: ${target.error}.`);
      return;
    }
    const pathname = target.decodedPath;
    let base: string;
    try {
      base = rootOf();
    } catch {
      realRoot = undefined;
      plain(res, 503, 'The dashboard build is not available yet; run `npm run build`.', {
        'retry-after': '5',
      });
      return;
    }
    const file = normalize(join(base, pathname));
    if (!file.startsWith(base + sep) && file !== base) {
      plain(res, 403, 'Forbidden');
      return;
    }
    if (extname(file) === '.map' && !options.serveSourceMaps) {
      plain(res, 404, 'Not found');
      return;
    }
    let found = await insideFile(base, file);
    if (found === 'outside') {
      plain(res, 403, 'Forbidden');
      return;
    }
    const isAsset = pathname.startsWith('/assets/');
    if (!found) {
      // Client-side routes (and unknown paths) get the app shell; missing assets get a 404.
      if (isAsset) {
        plain(res, 404, 'Not found');
        return;
      }
      const shell = await insideFile(base, join(base, 'index.html'));
      if (!shell || shell === 'outside') {
        // The build is missing (or being rebuilt): say so instead of failing.
        plain(res, 503, 'The dashboard build is not available yet; run `npm run build`.', {
          'retry-after': '5',
        });
        return;
      }
      found = shell;
    }
    res.writeHead(200, {
      'content-type': types[extname(found.real)] ?? 'application/octet-stream',
      'content-length': found.size,
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.real);
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  };
}
