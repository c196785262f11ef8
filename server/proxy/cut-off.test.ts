/**
 * A short answer that CATMAID cuts off must reach the browser as what it is: the status and the
 * announced length, then fewer bytes. The redaction stream holds back a secret's length of bytes,
 * so without sending the headers at once such an answer arrived as no answer at all, and the app
 * said "dropped the connection" instead of "cut off".
 */
import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, startProxyTo } from '../test-servers.ts';

const BODY = '{"1170":"KC-g 001 left"}';
let upstream: Server;
let proxy: Server;
let port: number;

beforeAll(async () => {
  // Announces the whole body, sends half of it (fewer bytes than a token), and closes.
  upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
    res.write(BODY.slice(0, BODY.length / 2), () => res.socket?.end());
  });
  ({ proxy, port } = await startProxyTo(upstream));
});

afterAll(async () => {
  await Promise.all([close(upstream), close(proxy)]);
});

describe('an answer cut off by CATMAID', () => {
  it('reaches the browser with its status and length, then ends early', async () => {
    const seen = await new Promise<{ status: number; length: string | undefined }>(
      (resolve, reject) => {
        const req = request(`http://127.0.0.1:${port}/api/catmaid/1/skeleton/neuronnames`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        req.on('response', (res) => {
          resolve({ status: res.statusCode ?? 0, length: res.headers['content-length'] });
          res.resume();
          res.on('error', () => undefined);
        });
        req.on('error', reject);
        req.end('skids[0]=1170');
      },
    );
    expect(seen).toEqual({ status: 200, length: String(BODY.length) });
  });
});
