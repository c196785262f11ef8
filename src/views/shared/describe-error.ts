/**
 * Turns any error from the API layer into words for the user: what went wrong and what to do.
 * Server tracebacks are never shown; the server's one-line message is, when it says something.
 */
import {
  CatmaidError,
  HtmlResponseError,
  HttpError,
  InvalidJsonError,
  NetworkError,
  SchemaError,
  TimeoutError,
  TruncatedError,
  isAuthError,
} from '../../lib/http/errors.ts';
import {
  describeHtml,
  describeInvalidJson,
  describeNetwork,
  describeTimeout,
  describeTruncated,
} from './describe-error-shape.ts';

export interface ErrorDescription {
  title: string;
  hint: string;
  /** True when the whole connection is affected (not just one request): show it as a banner. */
  connection: boolean;
}

const TOKEN_HINT =
  'Set CATMAID_TOKEN to an API token of a user who may browse this project (in CATMAID: hover your user name, "Get API token"), then restart the dashboard.';

function describeCatmaid(e: CatmaidError): ErrorDescription {
  switch (e.errorType) {
    case 'ProxyForbidden':
      return {
        title: 'The dashboard proxy refused this request',
        hint: `${e.message}. The dashboard only reads from CATMAID.`,
        connection: false,
      };
    case 'ProxyUpstreamError':
      return {
        title: `Cannot reach the CATMAID server (HTTP ${e.status})`,
        hint: `The dashboard server is fine, but its connection to CATMAID failed: ${e.message}. Check that the server is up and that CATMAID_URL is right, then press Retry.`,
        connection: true,
      };
    case 'ProxyUpstreamTimeout':
      return {
        title: 'The CATMAID server did not answer in time',
        hint: 'It may be overloaded; press Retry, or ask for less at once.',
        connection: false,
      };
  }
  if (e.status === 401)
    return {
      title: 'The CATMAID server rejected the API token',
      hint: TOKEN_HINT,
      connection: true,
    };
  if (isAuthError(e)) {
    return {
      title: 'No permission for this project',
      hint: `${e.message}. ${TOKEN_HINT}`,
      connection: true,
    };
  }
  if (e.status === 404)
    return {
      title: 'Not found on the server',
      hint: `${e.endpoint}: ${e.message}`,
      connection: false,
    };
  if (e.status >= 500)
    return {
      title: `The CATMAID server failed (HTTP ${e.status})`,
      hint: `${e.endpoint}: ${e.message}`,
      connection: false,
    };
  if (e.status < 400)
    return { title: 'CATMAID reported an error', hint: e.message, connection: false };
  return {
    title: `The server did not accept the request (HTTP ${e.status})`,
    hint: e.message,
    connection: false,
  };
}

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof CatmaidError) return describeCatmaid(error);
  if (error instanceof HttpError) {
    if (isAuthError(error)) {
      return {
        title: 'The server refused an anonymous request',
        hint: `CATMAID needs a token for this (HTTP ${error.status}). ${TOKEN_HINT}`,
        connection: true,
      };
    }
    if (error.status === 502 || error.status === 503 || error.status === 504) {
      return {
        title: `The CATMAID server is unavailable (HTTP ${error.status})`,
        hint: 'A gateway in front of it answered instead; try again in a moment.',
        connection: true,
      };
    }
    return {
      title: `Unexpected answer from the server (HTTP ${error.status})`,
      hint: error.endpoint,
      connection: false,
    };
  }
  if (error instanceof NetworkError) return describeNetwork(error);
  if (error instanceof TimeoutError) return describeTimeout(error);
  if (error instanceof TruncatedError) return describeTruncated(error);
  if (error instanceof InvalidJsonError) return describeInvalidJson(error);
  if (error instanceof HtmlResponseError) return describeHtml(error);
  if (error instanceof SchemaError) {
    return {
      title: 'The server answered in an unexpected format',
      hint: `${error.message}. This CATMAID version may not be supported.`,
      connection: false,
    };
  }
  // Skeletons that kept failing in the 3D workers: the cause is already in words (load-retry.ts).
  if (error instanceof Error && error.name === 'SkeletonLoadError') {
    return { title: 'A skeleton could not be loaded', hint: error.message, connection: false };
  }
  return {
    title: 'Something went wrong',
    hint: error instanceof Error ? error.message : String(error),
    connection: false,
  };
}
