import { useEffect, useRef } from 'react';
import type { SelectedSkeleton } from '../../state/selection-store.ts';
import { SelectionRow, type RowActions } from './SelectionRow.tsx';
import { useFixedRows } from './use-fixed-rows.ts';

const ROW_HEIGHT = 34;

interface Props {
  items: readonly SelectedSkeleton[];
  nameOf(skeletonId: number): { name: string; missing: boolean };
  checked: ReadonlySet<number>;
  highlightedSkeletonId: number | null;
  actions: RowActions;
}

/** The neurons, one row each, windowed; scrolls the highlighted neuron into view. */
export function SelectionList({ items, nameOf, checked, highlightedSkeletonId, actions }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { range, scrollToIndex } = useFixedRows(items.length, ROW_HEIGHT, scrollRef);
  const highlightIndex =
    highlightedSkeletonId === null
      ? -1
      : items.findIndex((i) => i.skeletonId === highlightedSkeletonId);
  useEffect(() => {
    if (highlightIndex >= 0) scrollToIndex(highlightIndex);
  }, [highlightIndex, scrollToIndex]);

  return (
    <div className="sel-scroll" ref={scrollRef}>
      <ul
        className="sel-list"
        aria-label="Neurons in the selection"
        style={{ height: items.length * ROW_HEIGHT }}
      >
        {items.slice(range.start, range.end).map((item, k) => {
          const { name, missing } = nameOf(item.skeletonId);
          return (
            <SelectionRow
              key={item.skeletonId}
              item={item}
              name={name}
              missing={missing}
              checked={checked.has(item.skeletonId)}
              highlighted={item.skeletonId === highlightedSkeletonId}
              top={(range.start + k) * ROW_HEIGHT}
              actions={actions}
            />
          );
        })}
      </ul>
    </div>
  );
}
