/**
 * The view chunk cache: a preloaded view renders without ever showing the Suspense fallback
 * (React would then hold it back for up to 300 ms), a view still loading suspends until its
 * chunk arrives, and a chunk that failed is asked for again on the next attempt.
 */
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  createViewModules,
  LoadedView,
  type ViewModule,
  type ViewModules,
} from './view-modules.tsx';

const A = () => <p>view a</p>;

function deferred() {
  let resolve!: (m: Awaited<ViewModule>) => void;
  let reject!: (e: Error) => void;
  const promise: ViewModule = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Renders the view; returns how often the fallback rendered. */
async function renderView(modules: ViewModules<'a'>, attempt = 0) {
  const fallback = vi.fn(() => <p role="status">loading</p>);
  const Fallback = fallback;
  await act(async () => {
    render(
      <Suspense fallback={<Fallback />}>
        <LoadedView modules={modules} view="a" attempt={attempt} />
      </Suspense>,
    );
  });
  return fallback;
}

describe('view modules', () => {
  it('renders a preloaded view at once, without the fallback', async () => {
    const load = vi.fn(() => Promise.resolve({ default: A }));
    const modules = createViewModules<'a'>(load);
    modules.preload('a');
    await modules.moduleFor('a', 0);
    const fallback = await renderView(modules);
    expect(screen.getByText('view a')).toBeTruthy();
    expect(fallback).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('suspends a view whose chunk is still loading until it arrives', async () => {
    const chunk = deferred();
    const modules = createViewModules<'a'>(() => chunk.promise);
    const fallback = await renderView(modules);
    expect(screen.getByRole('status').textContent).toBe('loading');
    expect(fallback).toHaveBeenCalled();
    await act(async () => chunk.resolve({ default: A }));
    expect(await screen.findByText('view a')).toBeTruthy();
  });

  it('asks for a failed chunk again on the next attempt', async () => {
    const first = deferred();
    const load = vi
      .fn<() => ViewModule>()
      .mockReturnValueOnce(first.promise)
      .mockResolvedValueOnce({ default: A });
    const modules = createViewModules<'a'>(load);
    modules.preload('a');
    first.reject(new Error('chunk failed'));
    await expect(modules.moduleFor('a', 0)).rejects.toThrow('chunk failed');
    await modules.moduleFor('a', 1);
    const fallback = await renderView(modules, 1);
    expect(screen.getByText('view a')).toBeTruthy();
    expect(fallback).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
