import { useMemo, useState } from 'react';
import { useSelection } from '../../state/selection-context.tsx';
import { MAX_LINK_ITEMS } from '../../state/selection-url.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import type { CatmaidLinkTarget } from '../shared/use-catmaid-link.ts';
import { BulkActions } from './BulkActions.tsx';
import { ColorControls } from './ColorControls.tsx';
import { SelectionList } from './SelectionList.tsx';
import type { RowActions } from './selection-columns.tsx';
import { TransferSection } from './TransferSection.tsx';
import type { ColorByStatus } from './use-color-by-annotation.ts';
import { useSelectionNames } from './use-selection-names.ts';
import { formatCount } from '../../lib/format.ts';
import { SelectionFacts } from './facts/SelectionFacts.tsx';

interface Props {
  link: CatmaidLinkTarget;
  status: ColorByStatus;
  onClose(): void;
}

/** The selection: every neuron with its colour, visibility and opacity, and what acts on them. */
export function SelectionPanel({ link, status, onClose }: Props) {
  const s = useSelection((st) => st);
  const skids = useMemo(() => s.items.map((i) => i.skeletonId), [s.items]);
  const names = useSelectionNames(skids);
  const [filter, setFilter] = useState('');
  const [checkedRaw, setChecked] = useState<ReadonlySet<number>>(new Set());

  const nameOf = names.nameOf;
  const hidden = useMemo(() => s.items.reduce((n, i) => (i.visible ? n : n + 1), 0), [s.items]);
  const needle = filter.trim().toLowerCase();
  const listed = needle
    ? s.items.filter(
        (i) =>
          nameOf(i.skeletonId).name.toLowerCase().includes(needle) ||
          String(i.skeletonId) === needle,
      )
    : s.items;
  const checked = new Set(skids.filter((id) => checkedRaw.has(id)));
  const listedIds = listed.map((i) => i.skeletonId);
  const allChecked = listed.length > 0 && listedIds.every((id) => checked.has(id));

  const check = (ids: readonly number[], on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const actions: RowActions = {
    onCheck: (id, on) => check([id], on),
    onColor: s.setColor,
    onVisible: (id, visible) => s.setVisible([id], visible),
    onOpacity: (id, opacity) => s.setOpacity([id], opacity),
    onRemove: (id) => s.remove([id]),
    onHighlight: (id) => s.setHighlighted(s.highlightedSkeletonId === id ? null : id),
    link,
  };

  return (
    <aside className="sel-panel" aria-label="Selection">
      <header className="sel-header">
        <h2>Selection</h2>
        <span className="sel-count" role="status">
          {s.items.length === 1 ? '1 neuron' : `${formatCount(s.items.length)} neurons`}
          {hidden > 0 ? ` · ${formatCount(hidden)} hidden` : ''}
        </span>
        <button
          type="button"
          className="sel-icon-button"
          aria-label="Close the selection panel"
          title="Close"
          onClick={onClose}
        >
          »
        </button>
      </header>
      {s.items.length > MAX_LINK_ITEMS ? (
        <p className="sel-message sel-note">
          More than {formatCount(MAX_LINK_ITEMS)} neurons: the page link no longer carries the
          selection (a reload keeps it). Share it with Export JSON.
        </p>
      ) : null}
      <ColorControls status={status} />
      {s.items.length > 0 ? (
        <>
          <BulkActions
            listed={listed.length}
            checked={checked.size}
            total={s.items.length}
            onShowAll={(visible) => s.setVisible(listedIds, visible)}
            onRemoveChecked={() => {
              s.remove([...checked]);
              setChecked(new Set());
            }}
            onRemoveAll={() => {
              s.clear();
              setChecked(new Set());
            }}
          />
          <div className="sel-list-head">
            <input
              type="checkbox"
              aria-label="Check all listed neurons"
              checked={allChecked}
              onChange={(e) => check(listedIds, e.target.checked)}
            />
            <input
              type="search"
              className="sel-filter"
              aria-label="Filter the selection by name"
              placeholder={`Filter ${s.items.length} neurons by name or id`}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          {names.failed > 0 ? (
            <ErrorMessage
              error={names.error}
              context={
                names.chunks > 1
                  ? `Loading neuron names (${names.failed} of ${names.chunks} parts)`
                  : 'Loading neuron names'
              }
              onRetry={names.retry}
            />
          ) : null}
          <SelectionList
            items={listed}
            nameOf={nameOf}
            checked={checked}
            highlightedSkeletonId={s.highlightedSkeletonId}
            actions={actions}
          />
          <SelectionFacts skeletonIds={skids} nameOf={nameOf} />
        </>
      ) : (
        <p className="sel-empty">
          No neurons selected. Add them from the Search view, paste skeleton ids below, or import a
          CATMAID selection file.
        </p>
      )}
      <TransferSection />
    </aside>
  );
}
