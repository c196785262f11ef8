// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AfterATask } from './AfterATask.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('AfterATask', () => {
  it('mounts its children in a later task, not in the one that mounted it', () => {
    vi.useFakeTimers();
    const mounted = vi.fn();
    function Child() {
      mounted();
      return <p>rig</p>;
    }
    render(
      <AfterATask>
        <Child />
      </AfterATask>,
    );
    expect(mounted).not.toHaveBeenCalled();
    expect(screen.queryByText('rig')).toBeNull();
    act(() => vi.runAllTimers());
    expect(screen.getByText('rig')).toBeTruthy();
    expect(mounted).toHaveBeenCalledTimes(1);
  });

  it('mounts nothing when unmounted before its task', () => {
    vi.useFakeTimers();
    const mounted = vi.fn();
    function Child() {
      mounted();
      return null;
    }
    const { unmount } = render(
      <AfterATask>
        <Child />
      </AfterATask>,
    );
    unmount();
    act(() => vi.runAllTimers());
    expect(mounted).not.toHaveBeenCalled();
  });
});
