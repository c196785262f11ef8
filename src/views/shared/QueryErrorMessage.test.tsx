import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../lib/http/errors.ts';
import { QueryErrorMessage } from './QueryErrorMessage.tsx';

afterEach(cleanup);

/** Only the query's own inline error is rendered next to its data, as in the views. */
function Panel({ load }: { load: () => Promise<string> }) {
  const q = useQuery({ queryKey: ['thing'], retry: false, queryFn: load });
  return (
    <>
      <QueryErrorMessage query={q} context="Thing failed" />
      <p>{q.data ?? 'no data'}</p>
    </>
  );
}

describe('QueryErrorMessage', () => {
  it('shows nothing until the query fails, then the cause, and Retry refetches that query', async () => {
    const state = { ok: false, calls: 0 };
    const load = () => {
      state.calls += 1;
      return state.ok
        ? Promise.resolve('loaded')
        : Promise.reject(new HttpError(503, 'stats/summary', 'Service Unavailable'));
    };
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <Panel load={load} />
      </QueryClientProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Thing failed');
    state.ok = true;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('loaded');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(state.calls).toBe(2);
  });
});
