/**
 * Turning a raw HTTP answer into data or a typed error. Content types are unreliable on CATMAID
 * (`text/json`, JSON served as `text/html`), so the body is parsed regardless of content type.
 */
import { CatmaidError, HtmlResponseError, HttpError } from './errors.ts';
import { htmlTitle, looksCutOff, looksLikeHtml, looksLikeLoginPage } from './html-page.ts';
import { InvalidJsonError, TruncatedError } from './response-errors.ts';

const SNIPPET_LENGTH = 300;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}

function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * The dashboard proxy's description of an HTML page CATMAID (or a server in front of it) sent:
 * `{error, type: 'ProxyUpstreamHtml', meta: {status, upstream, title, login}}`.
 */
function proxyHtmlError(
  body: Record<string, unknown>,
  status: number,
  endpoint: string,
): HtmlResponseError {
  const meta = isRecord(body.meta) ? body.meta : {};
  const upstreamStatus = typeof meta.status === 'number' ? meta.status : status;
  return new HtmlResponseError({
    status: upstreamStatus,
    endpoint,
    title: optionalString(meta.title) ?? '',
    login: meta.login === true,
    upstream: optionalString(meta.upstream) ?? '',
    source: 'proxy',
  });
}

/**
 * A CATMAID error object: `{error, type?, detail?, meta?}`. `error` may be an empty string (seen on
 * FAFB 2019's login error), so presence of a string `error` key is the test, not truthiness.
 */
export function catmaidErrorFromBody(
  body: unknown,
  status: number,
  endpoint: string,
): CatmaidError | HtmlResponseError | undefined {
  if (!isRecord(body)) return undefined;
  if (body.type === 'ProxyUpstreamHtml') return proxyHtmlError(body, status, endpoint);
  if (typeof body.error === 'string') {
    const errorType = optionalString(body.type);
    return new CatmaidError({
      status,
      endpoint,
      message: body.error || errorType || 'CATMAID error',
      errorType,
      detail: optionalString(body.detail),
      meta: body.meta,
      format: 'catmaid',
    });
  }
  // DRF's own errors (401 bad token, 404 Not found, 405, CSRF 403) are `{detail: "..."}` only.
  if (status >= 400 && typeof body.detail === 'string' && Object.keys(body).length === 1) {
    return new CatmaidError({ status, endpoint, message: body.detail, format: 'drf' });
  }
  return undefined;
}

/** A raw HTML page (no proxy in between, e.g. a dev setup talking to CATMAID directly). */
function rawHtmlError(status: number, text: string, endpoint: string): HtmlResponseError {
  return new HtmlResponseError({
    status,
    endpoint,
    title: htmlTitle(text),
    login: looksLikeLoginPage(text),
    upstream: '',
    source: 'raw',
  });
}

/**
 * Parse a JSON answer; throw the matching typed error for error statuses, 200 `{error}` bodies,
 * HTML pages, cut-off and malformed JSON. Error statuses with an HTML body stay HttpError (a
 * gateway's or Django's error page) unless the page is a login form.
 */
export function parseJsonResponse(
  status: number,
  text: string,
  endpoint: string,
  contentType = '',
): unknown {
  const parsed = tryParseJson(text);
  if (status >= 400) {
    const err = parsed.ok ? catmaidErrorFromBody(parsed.value, status, endpoint) : undefined;
    if (err) throw err;
    if (looksLikeHtml(text, contentType) && looksLikeLoginPage(text))
      throw rawHtmlError(status, text, endpoint);
    throw new HttpError(status, endpoint, snippet(text));
  }
  if (!parsed.ok) {
    if (looksLikeHtml(text, contentType)) throw rawHtmlError(status, text, endpoint);
    if (!text.trim() || looksCutOff(text))
      throw new TruncatedError(endpoint, new TextEncoder().encode(text).length, null);
    throw new InvalidJsonError(status, endpoint, snippet(text));
  }
  const err = catmaidErrorFromBody(parsed.value, status, endpoint);
  if (err) throw err;
  return parsed.value;
}

/** Error path of a binary (msgpack) request: error bodies are still JSON or HTML. */
export function binaryResponseError(
  status: number,
  text: string,
  endpoint: string,
  contentType = '',
): Error {
  try {
    parseJsonResponse(status, text, endpoint, contentType);
  } catch (e) {
    return e as Error;
  }
  return new HttpError(status, endpoint, snippet(text));
}
