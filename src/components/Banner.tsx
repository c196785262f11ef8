import type { ReactNode } from 'react';

export interface BannerProps {
  tone: 'error' | 'warning' | 'info';
  title: string;
  children?: ReactNode;
  onRetry?: () => void;
}

/** A page-wide message about the connection or configuration, saying what to do about it. */
export function Banner({ tone, title, children, onRetry }: BannerProps) {
  return (
    <div role={tone === 'info' ? 'status' : 'alert'} className={`banner banner-${tone}`}>
      <strong>{title}</strong>
      {children ? <div className="banner-body">{children}</div> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
