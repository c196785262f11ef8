import { useEffect, useId, useRef, type ReactNode } from 'react';
import { describeError } from './describe-error.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import type { CatmaidLinkState } from './use-catmaid-link.ts';

interface Props {
  state: CatmaidLinkState;
  /** Accessible name of the control in every state, e.g. "Open PN 1 in CATMAID". */
  label: string;
  /** What it shows: an icon, or the label as text. */
  children: ReactNode;
  className?: string;
  /** The user reaches for the link (pointer over it, focus, click): start completing it. */
  onWant?: () => void;
  /** In a table row: status and error go to the tooltip and description, not the layout. */
  compact?: boolean;
}

/**
 * "Open in CATMAID": an anchor only once the link is complete; until then a disabled control
 * saying what it waits for, and on failure the error with Retry. Focus moves from the waiting
 * control to the anchor when it appears, and a click while waiting opens the link once it is
 * complete, so neither a keyboard user nor a quick click has to try twice.
 */
export function CatmaidLinkControl({ state, label, children, className, onWant, compact }: Props) {
  const describedBy = useId();
  const focused = useRef(false);
  const openWhenReady = useRef(false);
  const anchor = useRef<HTMLAnchorElement>(null);
  const href = state.kind === 'ready' ? state.href : null;
  const settledWithout = state.kind === 'error' || state.kind === 'unavailable';

  useEffect(() => {
    if (href === null) return;
    if (focused.current) anchor.current?.focus();
    if (!openWhenReady.current) return;
    openWhenReady.current = false;
    // Browsers allow a popup for a few seconds after the click that asked for it.
    window.open(href, '_blank', 'noopener,noreferrer');
  }, [href]);
  useEffect(() => {
    if (settledWithout) openWhenReady.current = false;
  }, [settledWithout]);

  const focus = {
    onFocus: () => {
      focused.current = true;
      onWant?.();
    },
    onBlur: () => {
      focused.current = false;
    },
  };
  const css = (extra: string) => [className, extra].filter(Boolean).join(' ');

  if (state.kind === 'error' && !compact)
    return <ErrorMessage error={state.error} context={state.context} onRetry={state.retry} />;

  // One shape for every state (the control first), so a focused control stays the same element
  // from waiting to failed; only the anchor replaces it, and then takes the focus over.
  let control: ReactNode;
  let note = '';
  if (state.kind === 'ready') {
    control = (
      <a
        ref={anchor}
        className={className}
        href={state.href}
        target="_blank"
        rel="noreferrer"
        aria-label={label}
        title="Open in CATMAID (new tab)"
        {...focus}
      >
        {children}
      </a>
    );
  } else if (state.kind === 'error') {
    note = `${state.context}: ${describeError(state.error).title}`;
    control = (
      <button
        type="button"
        className={css('is-error')}
        aria-label={`Retry: ${label}`}
        aria-describedby={describedBy}
        title={`${note}. Click to try again.`}
        onClick={state.retry}
        {...focus}
      >
        !
      </button>
    );
  } else {
    const waiting = state.kind === 'resolving';
    const status = waiting ? state.status : state.reason;
    // Off-screen in a row; in a panel the reason shows, the wait once it has started.
    note = compact || !waiting || state.asked ? status : '';
    control = (
      <button
        type="button"
        className={css(waiting ? 'is-resolving' : '')}
        aria-disabled="true"
        aria-busy={waiting && state.asked}
        aria-label={label}
        aria-describedby={describedBy}
        title={status}
        onPointerEnter={onWant}
        onClick={() => {
          if (!waiting) return;
          onWant?.();
          openWhenReady.current = true;
        }}
        {...focus}
      >
        {children}
      </button>
    );
  }
  return (
    <>
      {control}
      {note ? (
        <span id={describedBy} className={compact ? 'visually-hidden' : 'hint'}>
          {note}
        </span>
      ) : null}
    </>
  );
}
