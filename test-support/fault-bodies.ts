/**
 * The bodies the fault proxy answers with, shaped like what a real CATMAID deployment sends
 * (`/work/shared/catmaid-api.md` §1.3 and §1.5, and the recorded error responses): Django's plain
 * 500 page, nginx's 502/503 pages, CATMAID's error JSON (keys in the server's order), DRF's 401
 * body, a login page served by a single-sign-on layer, and a Django debug page that echoes the
 * request headers.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface CannedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json';

/** The `error` text of the injected CATMAID error; specs expect the alert to quote it. */
export const CATMAID_ERROR_TEXT = 'Fault injected for testing: the skeleton table is locked';

// Django with DEBUG=False and no 500.html template: exceptions that escape CATMAID's JSON
// middleware (and errors in the middleware itself) come back as this page.
const djangoServerError = `<!doctype html>
<html lang="en">
<head>
  <title>Server Error (500)</title>
</head>
<body>
  <h1>Server Error (500)</h1><p></p>
</body>
</html>
`;

const nginxPage = (status: string) =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n`;

const traceback = (message: string) =>
  'Traceback (most recent call last):\n' +
  '  File "/usr/lib/python3/dist-packages/django/core/handlers/base.py", line 181, in _get_response\n' +
  '    response = wrapped_callback(request, *callback_args, **callback_kwargs)\n' +
  '  File "/opt/catmaid/django/applications/catmaid/control/skeleton.py", line 2231, in fault\n' +
  `    raise ValueError("${message}")\n` +
  `ValueError: ${message}\n`;

const loginPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Login</title>
</head>
<body>
  <h1>Sign in to continue</h1>
  <form method="post" action="/accounts/login/">
    <label>Username <input type="text" name="username" autocomplete="username"></label>
    <label>Password <input type="password" name="password" autocomplete="current-password"></label>
    <button type="submit">Log in</button>
  </form>
</body>
</html>
`;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Django's technical 500 page lists `request.META`: every header as `HTTP_NAME`. */
function debugPage(method: string, path: string, headers: IncomingHttpHeaders): string {
  const rows = Object.entries(headers)
    .map(([name, value]) => {
      const key = `HTTP_${name.toUpperCase().replace(/-/g, '_')}`;
      const shown = Array.isArray(value) ? value.join(', ') : (value ?? '');
      return `<tr><td>${escapeHtml(key)}</td><td class="code"><pre>'${escapeHtml(shown)}'</pre></td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta name="robots" content="NONE,NOARCHIVE"><title>ValueError at ${escapeHtml(path)}</title></head>
<body>
<div id="summary"><h1>ValueError at ${escapeHtml(path)}</h1>
<pre class="exception_value">${CATMAID_ERROR_TEXT}</pre>
<table class="meta"><tr><th>Request Method:</th><td>${escapeHtml(method)}</td></tr></table></div>
<div id="requestinfo"><h3 id="meta-info">META</h3>
<table class="req"><thead><tr><th>Variable</th><th>Value</th></tr></thead><tbody>
${rows}
</tbody></table></div>
<p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p>
</body>
</html>
`;
}

const json = (status: number, body: unknown, extra: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...extra },
  body: JSON.stringify(body),
});

export const canned = {
  '500': (): CannedResponse => ({
    status: 500,
    headers: { 'content-type': 'text/html' },
    body: djangoServerError,
  }),
  '502': (): CannedResponse => ({
    status: 502,
    headers: { 'content-type': 'text/html', server: 'nginx/1.22.1' },
    body: nginxPage('502 Bad Gateway'),
  }),
  '503': (): CannedResponse => ({
    status: 503,
    headers: { 'content-type': 'text/html', server: 'nginx/1.22.1' },
    body: nginxPage('503 Service Temporarily Unavailable'),
  }),
  // CATMAID raises ValueError → AjaxExceptionMiddleware; status 200 as on pre-2020 servers and on
  // views that return (not raise) their error object.
  'catmaid-error': (): CannedResponse =>
    json(200, {
      error: CATMAID_ERROR_TEXT,
      detail: traceback(CATMAID_ERROR_TEXT),
      type: 'ValueError',
      meta: null,
    }),
  'html-login': (): CannedResponse => ({
    status: 200,
    headers: { 'content-type': HTML },
    body: loginPage,
  }),
  // DRF's TokenAuthentication: recorded as `{"detail":"Invalid token."}` (compact).
  unauthorized: (): CannedResponse => ({
    status: 401,
    headers: { 'content-type': JSON_TYPE, 'www-authenticate': 'Token' },
    body: '{"detail":"Invalid token."}',
  }),
  // The page, and a debugging header, both carry what the client sent (its token included).
  'echo-headers': (method: string, path: string, headers: IncomingHttpHeaders): CannedResponse => ({
    status: 500,
    headers: {
      'content-type': HTML,
      'x-debug-authorization': String(headers['x-authorization'] ?? headers.authorization ?? ''),
    },
    body: debugPage(method, path, headers),
  }),
};

/**
 * Cuts a body in half (bytes kept as they are, so a msgpack body stays binary) and makes sure
 * what is left does not parse as JSON.
 */
export function garbleJson(body: Buffer): Buffer {
  const cut = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
  try {
    JSON.parse(cut.toString('utf8'));
    return Buffer.concat([cut, Buffer.from('}')]);
  } catch {
    return cut;
  }
}
