/**
 * Row selection as in a file manager: click selects one row, Ctrl/⌘-click toggles a row,
 * Shift-click selects the range from the last clicked row. Pure, so it is unit-tested.
 */
export interface RowSelection {
  selected: ReadonlySet<number>;
  /** Index (in display order) of the last plain or Ctrl click: the other end of a Shift range. */
  anchor: number | null;
}

export const emptyRowSelection: RowSelection = { selected: new Set(), anchor: null };

export function clickRow(
  state: RowSelection,
  orderedIds: readonly number[],
  index: number,
  modifiers: { shift: boolean; toggle: boolean },
): RowSelection {
  const id = orderedIds[index];
  if (id === undefined) return state;
  if (modifiers.shift && state.anchor !== null) {
    const [from, to] = state.anchor <= index ? [state.anchor, index] : [index, state.anchor];
    const next = modifiers.toggle ? new Set(state.selected) : new Set<number>();
    for (let i = from; i <= to; i++) {
      const rowId = orderedIds[i];
      if (rowId !== undefined) next.add(rowId);
    }
    return { selected: next, anchor: state.anchor };
  }
  if (modifiers.toggle) {
    const next = new Set(state.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return { selected: next, anchor: index };
  }
  return { selected: new Set([id]), anchor: index };
}

export function toggleRow(
  state: RowSelection,
  orderedIds: readonly number[],
  index: number,
): RowSelection {
  return clickRow(state, orderedIds, index, { shift: false, toggle: true });
}

export function selectAll(orderedIds: readonly number[], on: boolean): RowSelection {
  return { selected: on ? new Set(orderedIds) : new Set(), anchor: null };
}
