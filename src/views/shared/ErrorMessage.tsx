import { useQueryClient } from '@tanstack/react-query';
import { describeError } from './describe-error.ts';

interface Props {
  error: unknown;
  context: string;
  /**
   * Repeats what failed (`refetch()` of the failed queries, the next page of a paged one). Pass it
   * wherever the failing query is at hand; without it, Retry refetches every active query that
   * is in error, so no error message is ever left without a working Retry.
   */
  onRetry?: () => void;
  /** True while the retry runs: the button says so and cannot be pressed twice. */
  retrying?: boolean;
}

/** An inline error for one request, with Retry; the rest of the view stays as it was. */
export function ErrorMessage({ error, context, onRetry, retrying = false }: Props) {
  const queryClient = useQueryClient();
  const { title, hint } = describeError(error);
  const retry =
    onRetry ??
    (() =>
      void queryClient.refetchQueries({
        type: 'active',
        predicate: (q) => q.state.status === 'error',
      }));
  return (
    <div role="alert" className="inline-error">
      <strong>
        {context}: {title}
      </strong>
      <p>{hint}</p>
      <button type="button" onClick={retry} disabled={retrying} aria-busy={retrying}>
        Retry
      </button>
    </div>
  );
}
