// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../lib/http/errors.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

afterEach(cleanup);

/** A query whose error is shown with an explicit onRetry, or with none (the fallback). */
function Failing({ load, explicit }: { load: () => Promise<string>; explicit: boolean }) {
  const q = useQuery({ queryKey: ['failing'], retry: false, queryFn: load });
  if (q.isError)
    return (
      <ErrorMessage
        error={q.error}
        context="Thing failed"
        {...(explicit ? { onRetry: () => void q.refetch() } : {})}
      />
    );
  return <p>{q.data ?? 'loading'}</p>;
}

describe('ErrorMessage', () => {
  it.each([true, false])(
    'always has a Retry that refetches (explicit onRetry: %s)',
    async (explicit) => {
      const state = { ok: false, calls: 0 };
      const load = () => {
        state.calls++;
        return state.ok
          ? Promise.resolve('loaded')
          : Promise.reject(new HttpError(503, 'GET /x', ''));
      };
      render(
        <QueryClientProvider client={new QueryClient()}>
          <Failing load={load} explicit={explicit} />
        </QueryClientProvider>,
      );
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Thing failed');
      expect(alert.textContent).toContain('503');
      state.ok = true;
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(screen.getByText('loaded')).toBeTruthy());
      expect(state.calls).toBe(2);
    },
  );
});
