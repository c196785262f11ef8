/**
 * What the browser is told when a request the dashboard server made for itself (the display
 * route's summary and compact-detail) failed: the proxy's own JSON error shape and status rules
 * (forward.ts), so the browser client types it like any other upstream failure and falls back to
 * the ordinary path. CATMAID's status passes through (401, 403, 404, 5xx); an HTML page becomes
 * `ProxyUpstreamHtml` (html-error.ts); no answer at all is 502, or 504 after a timeout. Nothing
 * of CATMAID's body is echoed except through the proxy's redaction.
 */
import type { UpstreamSettings } from '../proxy/env.ts';
import { HTML_SNIFF_BYTES, upstreamHtmlError } from '../proxy/html-error.ts';
import { redactString, type Credentials } from '../proxy/redact.ts';
import type { FetchedAnswer } from './upstream-fetch.ts';

export interface UpstreamFailure {
  status: number;
  body: { error: string; type: string; [key: string]: unknown };
}

export function credentialsOf(settings: UpstreamSettings, token: string | undefined): Credentials {
  return {
    tokens: [settings.token, token],
    basicUser: settings.basicUser,
    basicPassword: settings.basicPassword,
  };
}

/** `what`: the request in words, e.g. `skeletons/summary`. */
export function failedAnswer(
  settings: UpstreamSettings,
  token: string | undefined,
  what: string,
  answer: FetchedAnswer,
): UpstreamFailure {
  const creds = credentialsOf(settings, token);
  if (/^text\/html\b/i.test(answer.contentType)) {
    const html = answer.body.subarray(0, HTML_SNIFF_BYTES).toString('utf8');
    return upstreamHtmlError(html, answer.status, settings.url, creds);
  }
  const status = answer.status >= 400 ? answer.status : 502;
  return {
    status,
    body: {
      error: `The CATMAID server at ${settings.url.href} answered HTTP ${answer.status} to ${what}${answer.status === 200 ? ' with a body the dashboard cannot read' : ''}.`,
      type: 'ProxyUpstreamError',
      meta: { status: answer.status, upstream: settings.url.href },
    },
  };
}

export function unreachable(
  settings: UpstreamSettings,
  token: string | undefined,
  err: Error,
): UpstreamFailure {
  const timedOut = /^no (data|connection)/.test(err.message);
  return {
    status: timedOut ? 504 : 502,
    body: {
      error: `Cannot reach the CATMAID server at ${settings.url.href}: ${redactString(err.message, credentialsOf(settings, token))}`,
      type: timedOut ? 'ProxyUpstreamTimeout' : 'ProxyUpstreamError',
    },
  };
}
