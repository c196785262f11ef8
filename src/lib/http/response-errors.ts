/**
 * Errors about the shape of an answer rather than its status: an HTML page where JSON was
 * expected (a login page, a proxy's error page), an answer cut off before its end, and a body
 * that is not JSON at all. Each names what happened so the message can say what to do.
 */

/** Where the HTML came from: the dashboard proxy's description of it, or the raw page itself. */
export type HtmlSource = 'proxy' | 'raw';

export interface HtmlResponseInit {
  status: number;
  endpoint: string;
  /** The page's `<title>`, empty when it has none. */
  title: string;
  /** The page looks like a login form (token missing or expired, SSO, VPN portal). */
  login: boolean;
  /** The CATMAID URL that answered, when the proxy said so. */
  upstream: string;
  source: HtmlSource;
}

/** An HTML page arrived where CATMAID's JSON was expected. */
export class HtmlResponseError extends Error {
  readonly kind = 'html' as const;
  readonly status: number;
  readonly endpoint: string;
  readonly title: string;
  readonly login: boolean;
  readonly upstream: string;
  readonly source: HtmlSource;

  constructor(init: HtmlResponseInit) {
    super(
      `${init.endpoint} answered with an HTML ${init.login ? 'login page' : 'page'} (HTTP ${init.status})`,
    );
    this.name = 'HtmlResponseError';
    this.status = init.status;
    this.endpoint = init.endpoint;
    this.title = init.title;
    this.login = init.login;
    this.upstream = init.upstream;
    this.source = init.source;
  }
}

/** The answer ended before it was complete: fewer bytes than announced, or JSON cut mid-value. */
export class TruncatedError extends Error {
  readonly kind = 'truncated' as const;
  readonly endpoint: string;
  readonly receivedBytes: number;
  /** The announced Content-Length, or null when none was sent (the JSON itself was cut off). */
  readonly expectedBytes: number | null;

  constructor(endpoint: string, receivedBytes: number, expectedBytes: number | null) {
    super(
      expectedBytes === null
        ? `The answer of ${endpoint} was cut off after ${receivedBytes} bytes (incomplete JSON)`
        : `The answer of ${endpoint} was cut off after ${receivedBytes} of ${expectedBytes} bytes`,
    );
    this.name = 'TruncatedError';
    this.endpoint = endpoint;
    this.receivedBytes = receivedBytes;
    this.expectedBytes = expectedBytes;
  }
}

/** A complete body that is not JSON (and not HTML): a broken server or proxy. Never retried. */
export class InvalidJsonError extends Error {
  readonly kind = 'invalid-json' as const;
  readonly status: number;
  readonly endpoint: string;
  readonly bodySnippet: string;

  constructor(status: number, endpoint: string, bodySnippet: string) {
    super(`The answer of ${endpoint} is not valid JSON (HTTP ${status}): ${bodySnippet}`);
    this.name = 'InvalidJsonError';
    this.status = status;
    this.endpoint = endpoint;
    this.bodySnippet = bodySnippet;
  }
}
