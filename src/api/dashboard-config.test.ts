import { describe, expect, it } from 'vitest';
import { fetchDashboardConfig } from './dashboard-config.ts';
import { fakeScope } from './fake-scope.ts';

const base = {
  server: { label: 'demo', url: '', isDemo: true, auth: 'anonymous' },
  defaultProjectId: 1,
};

describe('GET /api/config: requestTimeoutMs is read defensively', () => {
  it.each([
    [{}, 30_000],
    [{ requestTimeoutMs: 12_000 }, 12_000],
    [{ requestTimeoutMs: 'soon' }, 30_000],
    [{ requestTimeoutMs: -5 }, 30_000],
    [{ requestTimeoutMs: null }, 30_000],
  ])('%j → %d ms', async (extra, expected) => {
    const { scope } = fakeScope(() => ({ body: { ...base, ...extra } }));
    const config = await fetchDashboardConfig(scope.client);
    expect(config.requestTimeoutMs).toBe(expected);
    expect(config.server.label).toBe('demo');
  });
});
