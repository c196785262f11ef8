import { test, expect } from './fixtures.ts';

test('the proxy refuses write endpoints with a 403 naming the path', async ({ request }) => {
  for (const [method, path] of [
    ['POST', '/api/catmaid/1/treenode/create'],
    ['POST', '/api/catmaid/1/annotations/add'],
    ['GET', '/api/catmaid/1/tags/clear'],
  ] as const) {
    const res = await request.fetch(path, { method, data: method === 'POST' ? 'x=1' : undefined });
    expect(res.status()).toBe(403);
    const body = (await res.json()) as { type: string; path: string };
    expect(body).toMatchObject({ type: 'ProxyForbidden', path: path.replace('/api/catmaid', '') });
  }
});

test('the proxy forwards reads and never ships a token to the browser', async ({ request }) => {
  const version = await request.get('/api/catmaid/version');
  expect(version.status()).toBe(200);
  expect(await version.json()).toHaveProperty('SERVER_VERSION');
  const config = await request.get('/api/config');
  expect(await config.json()).toMatchObject({ server: { isDemo: true } });
});
