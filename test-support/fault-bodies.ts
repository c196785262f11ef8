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
 * Offsets where a JSON value's separator (`,` or `:`) stands outside any string: replacing one
 * breaks the syntax while every bracket still closes, so the body is complete but invalid.
 */
function jsonSeparators(text: string): number[] {
  const out: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' || c === ':') out.push(i);
  }
  return out;
}

/** Byte offsets of every msgpack type byte (each value's first byte), in order. */
export function msgpackValueOffsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  /** Payload length after a type byte, and how many child values follow. */
  const header = (b: number): { skip: number; children: number } => {
    const u8 = () => view.getUint8(pos);
    const u16 = () => view.getUint16(pos);
    const u32 = () => view.getUint32(pos);
    if (b <= 0x7f || b >= 0xe0 || b === 0xc0 || b === 0xc2 || b === 0xc3)
      return { skip: 0, children: 0 };
    if (b >= 0x80 && b <= 0x8f) return { skip: 0, children: 2 * (b & 0x0f) };
    if (b >= 0x90 && b <= 0x9f) return { skip: 0, children: b & 0x0f };
    if (b >= 0xa0 && b <= 0xbf) return { skip: b & 0x1f, children: 0 };
    const fixed: Record<number, number> = {
      0xca: 4,
      0xcb: 8,
      0xcc: 1,
      0xcd: 2,
      0xce: 4,
      0xcf: 8,
      0xd0: 1,
      0xd1: 2,
      0xd2: 4,
      0xd3: 8,
      0xd4: 2,
      0xd5: 3,
      0xd6: 5,
      0xd7: 9,
      0xd8: 17,
    };
    const f = fixed[b];
    if (f !== undefined) return { skip: f, children: 0 };
    switch (b) {
      case 0xc4:
      case 0xd9: {
        const n = u8();
        return { skip: 1 + n, children: 0 };
      }
      case 0xc5:
      case 0xda: {
        const n = u16();
        return { skip: 2 + n, children: 0 };
      }
      case 0xc6:
      case 0xdb: {
        const n = u32();
        return { skip: 4 + n, children: 0 };
      }
      case 0xc7: {
        const n = u8();
        return { skip: 2 + n, children: 0 };
      }
      case 0xc8: {
        const n = u16();
        return { skip: 3 + n, children: 0 };
      }
      case 0xc9: {
        const n = u32();
        return { skip: 5 + n, children: 0 };
      }
      case 0xdc: {
        const n = u16();
        return { skip: 2, children: n };
      }
      case 0xdd: {
        const n = u32();
        return { skip: 4, children: n };
      }
      case 0xde: {
        const n = u16();
        return { skip: 2, children: 2 * n };
      }
      case 0xdf: {
        const n = u32();
        return { skip: 4, children: 2 * n };
      }
    }
    throw new Error(`not msgpack: type byte 0x${b.toString(16)} at ${pos - 1}`);
  };
  let pending = 1;
  while (pending > 0 && pos < bytes.length) {
    out.push(pos);
    const b = view.getUint8(pos++);
    const { skip, children } = header(b);
    pos += skip;
    pending += children - 1;
  }
  return out;
}

const NEVER_USED = 0xc1;

/**
 * A complete answer, garbled in the middle (the length and the end stay as they were, so it is not
 * mistaken for a cut-off answer): JSON gets a `;` for the separator nearest its middle (or a stray
 * `#` when it has none); msgpack gets the type byte nearest its middle replaced by 0xc1, which
 * msgpack never uses, so a decoder must fail there instead of reading other data.
 */
export function garbleBody(body: Buffer, contentType: string): Buffer {
  const nearestMiddle = (offsets: number[]) =>
    offsets.reduce(
      (best, at) => (Math.abs(at - body.length / 2) < Math.abs(best - body.length / 2) ? at : best),
      offsets[0] ?? 0,
    );
  if (!/json|text/i.test(contentType)) {
    let offsets: number[] = [];
    try {
      offsets = msgpackValueOffsets(body);
    } catch {
      // Not msgpack after all: a stray byte in the middle is garbage enough.
    }
    const out = Buffer.from(body);
    const at = offsets.length > 0 ? nearestMiddle(offsets) : Math.floor(body.length / 2);
    if (out.length === 0) return Buffer.from([NEVER_USED]);
    out[at] = NEVER_USED;
    return out;
  }
  const text = body.toString('utf8');
  const separators = jsonSeparators(text);
  if (separators.length === 0) return Buffer.from(`#${text}`);
  const at = nearestMiddle(separators);
  return Buffer.from(`${text.slice(0, at)};${text.slice(at + 1)}`);
}
