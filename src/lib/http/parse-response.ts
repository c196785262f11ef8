/**
 * Turning a raw HTTP answer into data or a typed error. Content types are unreliable on CATMAID
 * (`text/json`, JSON served as `text/html`), so the body is parsed regardless of content type.
 */
import { CatmaidError, HttpError, SchemaError } from './errors.ts';

const SNIPPET_LENGTH = 300;

export function snippet(text: string): string {
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
 * A CATMAID error object: `{error, type?, detail?, meta?}`. `error` may be an empty string (seen on
 * FAFB 2019's login error), so presence of a string `error` key is the test, not truthiness.
 */
export function catmaidErrorFromBody(
  body: unknown,
  status: number,
  endpoint: string,
): CatmaidError | undefined {
  if (!isRecord(body)) return undefined;
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

/** Parse a JSON answer; throw the matching typed error for error statuses and 200 `{error}` bodies. */
export function parseJsonResponse(status: number, text: string, endpoint: string): unknown {
  const parsed = tryParseJson(text);
  if (status >= 400) {
    const err = parsed.ok ? catmaidErrorFromBody(parsed.value, status, endpoint) : undefined;
    throw err ?? new HttpError(status, endpoint, snippet(text));
  }
  if (!parsed.ok)
    throw new SchemaError(endpoint, `response is not JSON (HTTP ${status}): ${snippet(text)}`);
  const err = catmaidErrorFromBody(parsed.value, status, endpoint);
  if (err) throw err;
  return parsed.value;
}

/** Error path of a binary (msgpack) request: error bodies are still JSON or HTML. */
export function binaryResponseError(status: number, text: string, endpoint: string): Error {
  try {
    parseJsonResponse(status, text, endpoint);
  } catch (e) {
    return e as Error;
  }
  return new HttpError(status, endpoint, snippet(text));
}
