/**
 * Words for failures of the transport and of the answer's shape: the connection dropped, nothing
 * arrived in time, the answer was cut off, not JSON, or an HTML page. Each says what really
 * happened (which server, what arrived) and what the user can do.
 */
import type {
  HtmlResponseError,
  InvalidJsonError,
  NetworkError,
  TimeoutError,
  TruncatedError,
} from '../../lib/http/errors.ts';
import type { ErrorDescription } from './describe-error.ts';
import { formatCount } from '../../lib/format.ts';

const RETRY_HINT = 'This is usually temporary: press Retry.';

export function describeNetwork(e: NetworkError): ErrorDescription {
  if (e.dashboardReachable) {
    const midAnswer = e.phase === 'body';
    return {
      title: midAnswer
        ? 'The CATMAID server dropped the connection in the middle of its answer'
        : 'The CATMAID server dropped the connection',
      hint: `The dashboard server is fine, but the connection to CATMAID broke${
        midAnswer ? ` after ${formatCount(e.receivedBytes)} bytes` : ''
      } (${e.endpoint}). ${RETRY_HINT} If it keeps happening, CATMAID or a proxy in front of it may be restarting or cutting long answers.`,
      connection: false,
    };
  }
  return {
    title: 'Cannot reach the dashboard server',
    hint: 'The page lost its connection to the dashboard. Is `npm start` (or `npm run serve`) still running?',
    connection: true,
  };
}

export function describeTimeout(e: TimeoutError): ErrorDescription {
  const s = e.timeoutMs >= 1000 ? `${Math.round(e.timeoutMs / 1000)} s` : `${e.timeoutMs} ms`;
  return {
    title:
      e.phase === 'headers'
        ? `The request timed out: CATMAID did not answer in time (${s})`
        : `The request timed out: CATMAID's answer stopped arriving for ${s}`,
    hint: `${e.endpoint}. CATMAID may be overloaded or the connection stalled. Press Retry; if it keeps happening, ask for less at once.`,
    connection: false,
  };
}

export function describeTruncated(e: TruncatedError): ErrorDescription {
  if (e.expectedBytes === null) {
    return {
      title: 'The answer from CATMAID was cut off (incomplete JSON)',
      hint: `${e.endpoint} ended after ${formatCount(e.receivedBytes)} bytes, in the middle of the data. A proxy or the connection closed it early. ${RETRY_HINT}`,
      connection: false,
    };
  }
  return {
    title: 'The answer from CATMAID was cut off: the connection closed early',
    hint: `${e.endpoint} sent ${formatCount(e.receivedBytes)} of ${formatCount(e.expectedBytes)} bytes. ${RETRY_HINT}`,
    connection: false,
  };
}

export function describeInvalidJson(e: InvalidJsonError): ErrorDescription {
  const start = e.bodySnippet.slice(0, 80);
  return {
    title: `CATMAID's answer is not valid JSON (HTTP ${e.status})`,
    hint: `${e.endpoint} sent${start ? ` "${start}${e.bodySnippet.length > 80 ? '…' : ''}"` : ' an empty body'}. A broken server or a proxy answered instead of CATMAID: check CATMAID_URL, then press Retry.`,
    connection: false,
  };
}

export function describeHtml(e: HtmlResponseError): ErrorDescription {
  const who = e.upstream ? `CATMAID at ${e.upstream}` : 'The server';
  const page = e.title ? ` ("${e.title}")` : '';
  if (e.login) {
    return {
      title: 'CATMAID answered with a login page instead of data',
      hint: `${who} sent a login page${page} for ${e.endpoint}. The API token is missing or expired, or a VPN or single-sign-on portal stands in front of CATMAID: set CATMAID_TOKEN to a valid API token and restart the dashboard, connect to the VPN, or check that CATMAID_URL is right. Then press Retry.`,
      connection: true,
    };
  }
  return {
    title: `CATMAID answered with an HTML error page (HTTP ${e.status})`,
    hint: `${who} sent a web page${page} where data was expected (${e.endpoint}). Check that CATMAID_URL points at CATMAID itself (not its web page or a proxy), connect to the VPN if one is needed, then press Retry.`,
    connection: e.status < 500,
  };
}
