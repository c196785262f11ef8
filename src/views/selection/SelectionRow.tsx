import type { SelectedSkeleton } from '../../state/selection-store.ts';

export interface RowActions {
  onCheck(skeletonId: number, checked: boolean): void;
  onColor(skeletonId: number, color: string): void;
  onVisible(skeletonId: number, visible: boolean): void;
  onOpacity(skeletonId: number, opacity: number): void;
  onRemove(skeletonId: number): void;
  onHighlight(skeletonId: number): void;
  /** Deep link for a skeleton, or null with the reason in `linkUnavailable`. */
  linkFor(skeletonId: number): string | null;
  linkUnavailable: string;
}

interface Props {
  item: SelectedSkeleton;
  name: string;
  /** The server does not know this skeleton. */
  missing: boolean;
  checked: boolean;
  highlighted: boolean;
  top: number;
  actions: RowActions;
}

/** One neuron of the selection: check, colour, name, visibility, opacity, CATMAID link, remove. */
export function SelectionRow({ item, name, missing, checked, highlighted, top, actions }: Props) {
  const id = item.skeletonId;
  const link = actions.linkFor(id);
  return (
    <li
      className={`sel-row${highlighted ? ' is-highlighted' : ''}${item.visible ? '' : ' is-hidden'}`}
      style={{ transform: `translateY(${top}px)` }}
      aria-current={highlighted ? 'true' : undefined}
      data-skeleton-id={id}
    >
      <input
        type="checkbox"
        aria-label={`Check ${name}`}
        checked={checked}
        onChange={(e) => actions.onCheck(id, e.target.checked)}
      />
      <input
        type="color"
        className="sel-swatch"
        aria-label={`Colour of ${name}`}
        value={item.color}
        onChange={(e) => actions.onColor(id, e.target.value.toLowerCase())}
      />
      <button
        type="button"
        className="sel-name"
        title={`${name} · skeleton ${id}. Click to highlight it in every view.`}
        onClick={() => actions.onHighlight(id)}
      >
        <span className={missing ? 'sel-name-text is-missing' : 'sel-name-text'}>{name}</span>
        <span className="sel-skid">#{id}</span>
      </button>
      <label
        className="sel-eye"
        title={item.visible ? 'Visible (click to hide)' : 'Hidden (click to show)'}
      >
        <input
          type="checkbox"
          aria-label={`Show ${name}`}
          checked={item.visible}
          onChange={(e) => actions.onVisible(id, e.target.checked)}
        />
        <span aria-hidden="true">{item.visible ? '●' : '○'}</span>
      </label>
      <input
        type="range"
        className="sel-opacity"
        aria-label={`Opacity of ${name}`}
        title={`Opacity ${Math.round(item.opacity * 100)} %`}
        min={0.05}
        max={1}
        step={0.05}
        value={item.opacity}
        onChange={(e) => actions.onOpacity(id, Number(e.target.value))}
      />
      {link ? (
        <a
          className="sel-icon-button"
          href={link}
          target="_blank"
          rel="noreferrer"
          aria-label={`Open ${name} in CATMAID`}
          title="Open in CATMAID (new tab)"
        >
          ↗
        </a>
      ) : (
        <button
          type="button"
          className="sel-icon-button"
          aria-disabled="true"
          aria-label={`Open ${name} in CATMAID`}
          title={actions.linkUnavailable}
        >
          ↗
        </button>
      )}
      <button
        type="button"
        className="sel-icon-button sel-remove"
        aria-label={`Remove ${name}`}
        title="Remove from the selection"
        onClick={() => actions.onRemove(id)}
      >
        ×
      </button>
    </li>
  );
}
