import { ErrorMessage } from './ErrorMessage.tsx';

/** What QueryErrorMessage reads of a react-query result. */
interface FailableQuery {
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/** The inline error of one query once it has failed (nothing before): Retry refetches it. */
export function QueryErrorMessage({ query, context }: { query: FailableQuery; context: string }) {
  if (!query.isError) return null;
  return (
    <ErrorMessage
      error={query.error}
      context={context}
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  );
}
