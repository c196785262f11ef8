/** The search results' fact-column chooser: says where facts come from, remembers, closes on Escape. */
import { cleanup, fireEvent, render, renderHook, act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchFactsPicker } from './SearchFactsPicker.tsx';
import { useSearchFactChoice } from './use-search-fact-choice.ts';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

describe('SearchFactsPicker', () => {
  it('lists the cheap facts, points to the selection panel for the rest, and closes on Escape', () => {
    const toggled: [string, boolean][] = [];
    render(
      <SearchFactsPicker chosen={['last_editor']} onToggle={(id, on) => toggled.push([id, on])} />,
    );
    const button = screen.getByRole('button', { name: 'Fact columns (1)' });
    fireEvent.click(button);
    const group = screen.getByRole('group', { name: 'Fact columns of the results' });
    expect(group.textContent).toContain('more facts in the selection panel');
    expect(screen.getByRole('checkbox', { name: 'Last editor' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Imported nodes' }));
    expect(toggled).toEqual([['imported_nodes', true]]);
    fireEvent.keyDown(group, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Fact columns of the results' })).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('remembers the choice in display order across mounts', () => {
    const first = renderHook(() => useSearchFactChoice());
    expect(first.result.current[0]).toEqual([]);
    act(() => first.result.current[1]('last_editor', true));
    act(() => first.result.current[1]('imported_nodes', true));
    expect(first.result.current[0]).toEqual(['imported_nodes', 'last_editor']);
    first.unmount();
    const second = renderHook(() => useSearchFactChoice());
    expect(second.result.current[0]).toEqual(['imported_nodes', 'last_editor']);
    act(() => second.result.current[1]('imported_nodes', false));
    expect(renderHook(() => useSearchFactChoice()).result.current[0]).toEqual(['last_editor']);
  });
});
