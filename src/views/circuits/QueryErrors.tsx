/** Inline errors of several queries (each with its Retry). */
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';

interface FailableQuery {
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export function QueryErrors({
  queries,
  context,
}: {
  queries: readonly FailableQuery[];
  context: string;
}) {
  return (
    <>
      {queries.map((q, i) => (
        <QueryErrorMessage key={i} query={q} context={context} />
      ))}
    </>
  );
}
