/**
 * The selection list's columns: check, colour, name, visibility, opacity, CATMAID link, remove.
 * Not sortable: the list keeps the selection's own order.
 */
import type { SelectedSkeleton } from '../../state/selection-store.ts';
import { column, type TableColumn } from '../../components/table/define-column.ts';
import type { CatmaidLinkTarget } from '../shared/use-catmaid-link.ts';
import { SelectionLinkCell } from './SelectionLinkCell.tsx';
import { NeuronPageLink } from '../shared/NeuronPageLink.tsx';

export interface RowActions {
  onCheck(skeletonId: number, checked: boolean): void;
  onColor(skeletonId: number, color: string): void;
  onVisible(skeletonId: number, visible: boolean): void;
  onOpacity(skeletonId: number, opacity: number): void;
  onRemove(skeletonId: number): void;
  onHighlight(skeletonId: number): void;
  /** Where "Open in CATMAID" links go, or why there are none. */
  link: CatmaidLinkTarget;
}

export interface SelectionColumnsOptions {
  nameOf(skeletonId: number): { name: string; missing: boolean };
  checked: ReadonlySet<number>;
  actions: RowActions;
}

export function selectionColumns({
  nameOf,
  checked,
  actions,
}: SelectionColumnsOptions): TableColumn<SelectedSkeleton>[] {
  const name = (item: SelectedSkeleton) => nameOf(item.skeletonId).name;
  return [
    column<SelectedSkeleton>({
      id: 'check',
      header: 'Checked',
      width: '2rem',
      cell: (item) => (
        <input
          type="checkbox"
          aria-label={`Check ${name(item)}`}
          checked={checked.has(item.skeletonId)}
          onChange={(e) => actions.onCheck(item.skeletonId, e.target.checked)}
        />
      ),
    }),
    column<SelectedSkeleton>({
      id: 'color',
      header: 'Colour',
      width: '2.2rem',
      cell: (item) => (
        <input
          type="color"
          className="sel-swatch"
          aria-label={`Colour of ${name(item)}`}
          value={item.color}
          onChange={(e) => actions.onColor(item.skeletonId, e.target.value.toLowerCase())}
        />
      ),
    }),
    column<SelectedSkeleton>({
      id: 'name',
      header: 'Neuron',
      width: 'auto',
      cell: (item) => {
        const id = item.skeletonId;
        const { name: text, missing } = nameOf(id);
        return (
          <span className="sel-name-cell">
            <button
              type="button"
              className="sel-name"
              title={`${text} · skeleton ${id}. Click to highlight it in every view.`}
              onClick={() => actions.onHighlight(id)}
            >
              <span className={missing ? 'sel-name-text is-missing' : 'sel-name-text'}>{text}</span>
              <span className="sel-skid">#{id}</span>
            </button>
            <NeuronPageLink skeletonId={id} name={text} className="sel-page-link">
              ⓘ
            </NeuronPageLink>
          </span>
        );
      },
    }),
    column<SelectedSkeleton>({
      id: 'visible',
      header: 'Visible',
      width: '2rem',
      cell: (item) => (
        <label
          className="sel-eye"
          title={item.visible ? 'Visible (click to hide)' : 'Hidden (click to show)'}
        >
          <input
            type="checkbox"
            aria-label={`Show ${name(item)}`}
            checked={item.visible}
            onChange={(e) => actions.onVisible(item.skeletonId, e.target.checked)}
          />
          <span aria-hidden="true">{item.visible ? '●' : '○'}</span>
        </label>
      ),
    }),
    column<SelectedSkeleton>({
      id: 'opacity',
      header: 'Opacity',
      width: '4.4rem',
      cell: (item) => (
        <input
          type="range"
          className="sel-opacity"
          aria-label={`Opacity of ${name(item)}`}
          title={`Opacity ${Math.round(item.opacity * 100)} %`}
          min={0.05}
          max={1}
          step={0.05}
          value={item.opacity}
          onChange={(e) => actions.onOpacity(item.skeletonId, Number(e.target.value))}
        />
      ),
    }),
    column<SelectedSkeleton>({
      id: 'link',
      header: 'Open in CATMAID',
      width: '2.2rem',
      cell: (item) => (
        <SelectionLinkCell target={actions.link} skeletonId={item.skeletonId} name={name(item)} />
      ),
    }),
    column<SelectedSkeleton>({
      id: 'remove',
      header: 'Remove',
      width: '2.2rem',
      cell: (item) => (
        <button
          type="button"
          className="sel-icon-button sel-remove"
          aria-label={`Remove ${name(item)}`}
          title="Remove from the selection"
          onClick={() => actions.onRemove(item.skeletonId)}
        >
          ×
        </button>
      ),
    }),
  ];
}
