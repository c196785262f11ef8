/**
 * The "Skeleton cache" panel: statistics of the dashboard server's shared cache, a server without
 * one (404) said in words instead of shown as an error, and "Clear skeleton cache" clearing both
 * the browser's copy and the server's cache.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { renderWithDashboard } from '../../../test-support/dom/render-dashboard.tsx';
import { CachePanel } from './CachePanel.tsx';

setupCatmaidServer();

function open() {
  fireEvent.click(screen.getByText('Skeleton cache'));
  const details = screen.getByText('Skeleton cache').closest('details');
  if (details) {
    details.open = true;
    fireEvent(details, new Event('toggle'));
  }
}

describe('CachePanel', () => {
  it('shows the server cache statistics and clears both caches', async () => {
    let entries = 1234;
    let cleared = 0;
    let busy = 8;
    server.use(
      http.get('*/api/cache/stats', () =>
        HttpResponse.json({
          backend: 'sqlite',
          entries,
          bytes: 50 * 2 ** 20,
          maxBytes: 2048 * 2 ** 20,
          hits: 4000,
          misses: 300,
          stale: 7,
          upstream: { limit: 8, active: busy, queued: busy === 8 ? 14 : 0, waitingBrowsers: 3 },
        }),
      ),
      http.post('*/api/cache/clear', ({ request }) => {
        // The server's cross-site guard (server/cache/control.ts) refuses a plain POST.
        if (!request.headers.get('x-requested-with')) {
          return HttpResponse.json({ error: 'cross-site guard' }, { status: 403 });
        }
        cleared++;
        const n = entries;
        entries = 0;
        return HttpResponse.json({ cleared: n });
      }),
    );
    let browserCleared = 0;
    renderWithDashboard(
      <CachePanel
        clearBrowserCopy={async () => {
          browserCleared++;
        }}
      />,
    );
    open();
    const stats = await screen.findByRole('status', { name: 'Server cache statistics' });
    await waitFor(() =>
      expect(stats.textContent).toBe(
        'Dashboard server cache (sqlite): 1,234 entries, 50 MB of 2,048 MB; 4,000 hits, 300 misses, 7 stale',
      ),
    );
    const load = screen.getByRole('status', { name: 'CATMAID load' });
    expect(load.textContent).toBe(
      'CATMAID skeleton requests now: 8 of 8 at once, 14 waiting, from 3 browsers. Refresh',
    );
    busy = 2;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh the cache statistics' }));
    await waitFor(() =>
      expect(load.textContent).toBe(
        'CATMAID skeleton requests now: 2 of 8 at once, none waiting. Refresh',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear skeleton cache' }));
    const done = await screen.findByRole('status', { name: 'Cache cleared' });
    expect(done.textContent).toContain('1,234 entries of the dashboard server’s cache');
    expect([browserCleared, cleared]).toEqual([1, 1]);
    await waitFor(() => expect(stats.textContent).toContain('(sqlite): 0 entries'));
  });

  it('says so when the dashboard server has no shared cache (404), and still clears the browser', async () => {
    server.use(
      http.get('*/api/cache/stats', () =>
        HttpResponse.json({ detail: 'Not found' }, { status: 404 }),
      ),
      http.post('*/api/cache/clear', () =>
        HttpResponse.json({ detail: 'Not found' }, { status: 404 }),
      ),
    );
    let browserCleared = 0;
    renderWithDashboard(
      <CachePanel
        clearBrowserCopy={async () => {
          browserCleared++;
        }}
      />,
    );
    open();
    const stats = await screen.findByRole('status', { name: 'Server cache statistics' });
    await waitFor(() =>
      expect(stats.textContent).toBe('The dashboard server keeps no shared skeleton cache.'),
    );
    expect(screen.queryByRole('status', { name: 'CATMAID load' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear skeleton cache' }));
    const done = await screen.findByRole('status', { name: 'Cache cleared' });
    expect(done.textContent).toContain('the dashboard server keeps no shared cache');
    expect(browserCleared).toBe(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
