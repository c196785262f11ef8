/**
 * The view slot and its chunk cache: a preloaded view renders without ever showing the Suspense
 * fallback (React would then hold it back for up to 300 ms), the page's first view renders in a
 * pass after the shell's (so the two are not one long task), a view still loading suspends until
 * its chunk arrives, and a chunk that failed is asked for again on the next attempt.
 */
import { act, render, screen } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createViewModules, ViewSlot, type ViewModule, type ViewModules } from './view-modules.tsx';

const A = () => <p>view a</p>;
const B = () => <p>view b</p>;

function deferred() {
  let resolve!: (m: Awaited<ViewModule>) => void;
  let reject!: (e: Error) => void;
  const promise: ViewModule = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Records, at each commit of the shell around the slot, whether the view was in the DOM. */
function Shell({ children, commits }: { children: React.ReactNode; commits: boolean[] }) {
  useLayoutEffect(() => {
    commits.push(screen.queryByText(/^view /) !== null);
  });
  return <main>{children}</main>;
}

/** Renders the slot; returns how often the fallback rendered and the shell's commits. */
async function renderSlot(modules: ViewModules<'a' | 'b'>, view: 'a' | 'b' = 'a', attempt = 0) {
  const fallback = vi.fn(() => <p role="status">loading</p>);
  const Fallback = fallback;
  const commits: boolean[] = [];
  const ui = (v: 'a' | 'b') => (
    <Shell commits={commits}>
      <ViewSlot modules={modules} view={v} attempt={attempt} fallback={<Fallback />} />
    </Shell>
  );
  let rerender!: (ui: React.ReactNode) => void;
  await act(async () => {
    rerender = render(ui(view)).rerender;
  });
  return { fallback, commits, show: (v: 'a' | 'b') => rerender(ui(v)) };
}

const loaders = {
  a: () => Promise.resolve({ default: A }),
  b: () => Promise.resolve({ default: B }),
};

describe('view slot', () => {
  it('renders a preloaded view without the fallback, in a pass after the shell', async () => {
    const load = vi.fn((v: 'a' | 'b') => loaders[v]());
    const modules = createViewModules<'a' | 'b'>(load);
    modules.preload('a');
    await modules.moduleFor('a', 0);
    const { fallback, commits } = await renderSlot(modules);
    expect(screen.getByText('view a')).toBeTruthy();
    expect(fallback).not.toHaveBeenCalled();
    // The shell's first commit came without the view; the view followed in its own pass.
    expect(commits[0]).toBe(false);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('switches to another loaded view at once', async () => {
    const modules = createViewModules<'a' | 'b'>((v) => loaders[v]());
    modules.preload('a');
    modules.preload('b');
    await Promise.all([modules.moduleFor('a', 0), modules.moduleFor('b', 0)]);
    const { commits, show } = await renderSlot(modules);
    commits.length = 0;
    act(() => show('b'));
    expect(screen.getByText('view b')).toBeTruthy();
    expect(commits).toEqual([true]);
  });

  it('suspends a view whose chunk is still loading until it arrives', async () => {
    const chunk = deferred();
    const modules = createViewModules<'a' | 'b'>(() => chunk.promise);
    const { fallback } = await renderSlot(modules);
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
    const modules = createViewModules<'a' | 'b'>(load);
    modules.preload('a');
    first.reject(new Error('chunk failed'));
    await expect(modules.moduleFor('a', 0)).rejects.toThrow('chunk failed');
    await modules.moduleFor('a', 1);
    const { fallback } = await renderSlot(modules, 'a', 1);
    expect(screen.getByText('view a')).toBeTruthy();
    expect(fallback).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
