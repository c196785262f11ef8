import { describeError } from './describe-error.ts';

/** An inline error for one request; the rest of the view stays as it was. */
export function ErrorMessage({
  error,
  context,
  onRetry,
}: {
  error: unknown;
  context: string;
  onRetry?: () => void;
}) {
  const { title, hint } = describeError(error);
  return (
    <div role="alert" className="inline-error">
      <strong>
        {context}: {title}
      </strong>
      <p>{hint}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
