/**
 * Safe parsing of an HTTP request target. Node hands the raw target to the handler, and the
 * usual one-liners (`new URL(req.url, base)`, `decodeURIComponent`, `fs.stat` on the result)
 * throw on `/%`, `/%E0%A4%A`, overlong UTF-8 or absolute-form targets with a bad host, or on a
 * NUL byte: an exception that, unguarded, ends the whole process. Here every such target is a
 * value (`{ error }`) the caller answers with a 400.
 */

interface RequestTarget {
  /** Path as sent (still percent-encoded, dot segments resolved by the URL parser). */
  pathname: string;
  /** Percent-decoded path; never contains a NUL byte. */
  decodedPath: string;
  /** `?…` or empty. */
  search: string;
  searchParams: URLSearchParams;
}

export type ParsedTarget = RequestTarget | { error: string };

const BASE = 'http://dashboard.invalid';

function originForm(raw: string): string | { error: string } {
  if (raw.startsWith('/')) return raw;
  // Absolute form (`GET http://host/path HTTP/1.1`), allowed by RFC 9112 for proxies: keep only
  // its path and query, after checking that it parses at all.
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      return url.pathname + url.search;
    } catch {
      return { error: 'the absolute request target is not a valid URL' };
    }
  }
  return { error: 'the request target must start with "/"' };
}

export function parseRequestTarget(raw: string | undefined): ParsedTarget {
  const target = raw ?? '/';
  if (target.includes('\0') || /%00/i.test(target)) {
    return { error: 'the request target contains a NUL byte' };
  }
  const path = originForm(target);
  if (typeof path !== 'string') return path;
  let url: URL;
  try {
    // Prefixing the origin (rather than passing a base) keeps `//host/x` a path, not a host.
    url = new URL(BASE + path);
  } catch {
    return { error: 'the request target is not a valid URL path' };
  }
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(url.pathname);
  } catch {
    return { error: 'the request path has malformed percent-encoding' };
  }
  if (decodedPath.includes('\0')) return { error: 'the request path contains a NUL byte' };
  return {
    pathname: url.pathname,
    decodedPath,
    search: url.search,
    searchParams: url.searchParams,
  };
}

export function isBadTarget(parsed: ParsedTarget): parsed is { error: string } {
  return 'error' in parsed;
}
