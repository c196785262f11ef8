import type { ReactNode } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';
import { useSelection } from '../../state/selection-context.tsx';
import { listForMessage } from './parse-id-list.ts';
import type { CatmaidLinkTarget } from '../shared/use-catmaid-link.ts';
import { SelectionPanel } from './SelectionPanel.tsx';
import { useColorByAnnotation } from './use-color-by-annotation.ts';
import './selection-panel.css';
import { formatCount } from '../../lib/format.ts';

interface Props {
  link: CatmaidLinkTarget;
  children: ReactNode;
}

/**
 * Lays the active view out next to the selection panel, which every view can open: a rail
 * button "Selection (N)" when closed, a docked side panel when open. Also keeps "colour by
 * annotation" applied and reports unreadable parts of a shared link.
 */
export function SelectionDock({ link, children }: Props) {
  const status = useColorByAnnotation();
  const { count, open, setOpen, rejected, problem, setRejected } = useSelection((s) => ({
    count: s.items.length,
    open: s.panelOpen,
    setOpen: s.setPanelOpen,
    rejected: s.linkRejected,
    problem: s.linkProblem,
    setRejected: s.setLinkRejected,
  }));
  return (
    <div className={`sel-workspace${open ? ' is-open' : ''}`}>
      <div className="sel-workspace-main">
        {problem !== null ? (
          <div role="alert" className="sel-message is-error sel-link-alert">
            <p>
              The link&apos;s selection could not be read ({problem}); it may have been cut off when
              it was copied. Your current selection is unchanged.
            </p>
            <button type="button" className="sel-link-button" onClick={() => setRejected([])}>
              Dismiss
            </button>
          </div>
        ) : null}
        {rejected.length > 0 ? (
          <div role="alert" className="sel-message is-error sel-link-alert">
            <p>
              The link&apos;s selection (<code>sel</code>) had{' '}
              {rejected.length === 1 ? 'an entry' : 'entries'} that could not be read and{' '}
              {rejected.length === 1 ? 'was' : 'were'} skipped: {listForMessage(rejected)}. Each
              entry is <code>skeletonid_rrggbb[_opacity][_h]</code>, joined by <code>-</code>.
            </p>
            <button type="button" className="sel-link-button" onClick={() => setRejected([])}>
              Dismiss
            </button>
          </div>
        ) : null}
        {children}
      </div>
      {open ? (
        <ErrorBoundary label="Selection panel">
          <SelectionPanel link={link} status={status} onClose={() => setOpen(false)} />
        </ErrorBoundary>
      ) : (
        <div className="sel-rail">
          <button
            type="button"
            className="sel-rail-button"
            aria-expanded="false"
            title="Open the selection panel"
            onClick={() => setOpen(true)}
          >
            Selection ({formatCount(count)})
          </button>
        </div>
      )}
    </div>
  );
}
