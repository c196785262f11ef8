import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the region in the fallback message, e.g. "Search view". */
  label: string;
  children: ReactNode;
  /** Changing this value clears a caught error (e.g. the view or project changed). */
  resetKey?: unknown;
  /** Called by Retry before the children render again (e.g. to reload a failed lazy chunk). */
  onRetry?: () => void;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/** Keeps one failing view from blanking the dashboard: the rest stays usable. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.label} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="panel-error">
        <h2>{this.props.label} stopped working</h2>
        <p>{error.message}</p>
        <button
          type="button"
          onClick={() => {
            this.props.onRetry?.();
            this.setState({ error: null });
          }}
        >
          Retry
        </button>
      </div>
    );
  }
}
