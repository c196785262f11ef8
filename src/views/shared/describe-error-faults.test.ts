/**
 * Each fault the e2e fault suite injects, produced through the real client (fake fetch), must be
 * described in words that name its cause. The regexes are the suite's contract with the message
 * text (title + hint, as the error alert shows them).
 */
import { describe, expect, it } from 'vitest';
import { createCatmaidClient } from '../../lib/http/client.ts';
import { createFakeFetch, type FakeReply } from '../../lib/http/fake-fetch.ts';
import { describeError } from './describe-error.ts';

const PROBE = '/api/config';

const stalls = (reply: FakeReply) =>
  ('hang' in reply && reply.hang === true) ||
  ('afterChunks' in reply && reply.afterChunks === 'stall');

async function describeFault(reply: FakeReply, dashboardUp = true): Promise<string> {
  const fake = createFakeFetch((call) =>
    call.url === PROBE ? (dashboardUp ? { body: {} } : { networkError: true }) : reply,
  );
  const client = createCatmaidClient({
    baseUrl: '/api/catmaid',
    fetchImpl: fake.fetch,
    retries: 0,
    // Short for the stall cases only: a loaded test machine can take longer than that to answer.
    timeoutMs: stalls(reply) ? 300 : 20_000,
    probeUrl: PROBE,
  });
  const err = await client.get('/1/neuron/query-by-annotations').then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).not.toBeNull();
  const { title, hint } = describeError(err);
  return `${title} ${hint}`;
}

const loginPage =
  '<html><head><title>CATMAID login</title></head><body><form><input type="password"></form></body></html>';

describe('fault descriptions (the e2e fault suite wording contract)', () => {
  it.each([
    ['HTTP 500', { status: 500, body: 'Internal Server Error', contentType: 'text/plain' }, /500/],
    [
      'HTTP 502',
      { status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' },
      /502/,
    ],
    ['HTTP 503', { status: 503, body: '' }, /503/],
    [
      'CATMAID 500 JSON',
      { status: 500, body: { error: 'boom', type: 'RuntimeError' } },
      /500.*boom|boom.*500/,
    ],
    [
      'truncated (Content-Length)',
      { chunks: ['[1,2'], afterChunks: 'reset', headers: { 'content-length': '999' } },
      /cut off|incomplete|truncated/i,
    ],
    ['truncated JSON', { body: '{"entities": [1, 2' }, /cut off|incomplete|truncated/i],
    ['malformed JSON', { body: '{"entities": oops}' }, /not valid JSON|malformed/i],
    [
      'CATMAID error JSON with 200',
      { body: { error: 'Annotation "x" does not exist', type: 'ValueError', detail: 'Traceback' } },
      /Annotation "x" does not exist/,
    ],
    ['raw HTML login page', { body: loginPage, contentType: 'text/html' }, /login page/i],
    [
      'proxy-described login page',
      {
        status: 502,
        body: {
          error: 'HTML from CATMAID',
          type: 'ProxyUpstreamHtml',
          detail: '',
          meta: { status: 200, upstream: 'https://c.example/', title: 'Sign in', login: true },
        },
      },
      /login page.*https:\/\/c\.example\/.*Sign in/i,
    ],
    [
      'proxy-described HTML error page',
      {
        status: 502,
        body: {
          error: 'HTML from CATMAID',
          type: 'ProxyUpstreamHtml',
          detail: '',
          meta: { status: 502, upstream: 'https://c.example/', title: 'Bad gateway', login: false },
        },
      },
      /HTML error page \(HTTP 502\).*Bad gateway/i,
    ],
    ['401', { status: 401, body: { detail: 'Invalid token.' } }, /token/i],
    [
      '401 without JSON',
      { status: 401, body: 'Unauthorized', contentType: 'text/plain' },
      /token/i,
    ],
    ['stall before headers', { hang: true }, /timed out|did not answer in time/i],
    [
      'stall mid-body',
      { chunks: ['[1,'], afterChunks: 'stall' },
      /timed out|did not answer in time/i,
    ],
  ] as const)('%s', async (_name, reply, pattern) => {
    expect(await describeFault(reply as FakeReply)).toMatch(pattern);
  });

  it('a reset mid-answer while the dashboard is up blames CATMAID, not the dashboard', async () => {
    const text = await describeFault({ chunks: ['[1,2'], afterChunks: 'reset' });
    expect(text).toMatch(/connection/i);
    expect(text).toMatch(/CATMAID/);
    expect(text).not.toMatch(/Cannot reach the dashboard server/);
  });

  it('a network failure while the dashboard is down says so', async () => {
    const text = await describeFault({ networkError: true }, false);
    expect(text).toMatch(/Cannot reach the dashboard server/);
  });
});
