/**
 * An HTML page where the API answers JSON is a login page, a Django error page or a front
 * proxy's error page. The browser gets the dashboard's JSON error instead (contract shared with
 * the browser client: type `ProxyUpstreamHtml`, `meta.{status, upstream, title, login}`); the
 * page itself, which may echo credentials, never leaves the server.
 */
import { redactString, type Credentials } from './redact.ts';

/** Enough of a page to find its title, heading and login form. */
export const HTML_SNIFF_BYTES = 256 * 1024;
const TITLE_MAX = 120;

export type UpstreamHtmlError = {
  error: string;
  type: 'ProxyUpstreamHtml';
  detail: '';
  meta: { status: number; upstream: string; title: string; login: boolean };
};

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  '#x27': "'",
};

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#?\w+);/g, (m, name: string) => entities[name.toLowerCase()] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

function pageTitle(html: string): string {
  const match =
    /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ??
    /<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/i.exec(html);
  return match?.[1] ? textOf(match[1]) : '';
}

function looksLikeLogin(html: string, title: string): boolean {
  if (/<input\b[^>]*\btype\s*=\s*["']?password\b/i.test(html)) return true;
  const words = /\blog\s?-?in\b|\bsign\s?-?in\b/i;
  if (words.test(title)) return true;
  const forms = html.match(/<form\b[\s\S]*?(<\/form>|$)/gi) ?? [];
  return forms.some((form) => words.test(form));
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

export function upstreamHtmlError(
  html: string,
  status: number,
  upstream: URL,
  creds: Credentials,
): { status: number; body: UpstreamHtmlError } {
  const title = clip(redactString(pageTitle(html), creds), TITLE_MAX);
  const login = looksLikeLogin(html, title);
  const what = login ? 'a login page' : 'an HTML page';
  const named = title ? ` ("${title}")` : '';
  return {
    status: status >= 400 ? status : 502,
    body: {
      error: `The CATMAID server at ${upstream.href} answered HTTP ${status} with ${what}${named} instead of JSON.`,
      type: 'ProxyUpstreamHtml',
      detail: '',
      meta: { status, upstream: upstream.href, title, login },
    },
  };
}
