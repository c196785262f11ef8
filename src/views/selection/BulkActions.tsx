import { useState } from 'react';

interface Props {
  /** Neurons the bulk actions apply to (the listed ones, after the name filter). */
  listed: number;
  checked: number;
  total: number;
  onShowAll(visible: boolean): void;
  onRemoveChecked(): void;
  onRemoveAll(): void;
}

/** Show / hide every listed neuron, remove the checked ones, remove all (with a confirmation). */
export function BulkActions({
  listed,
  checked,
  total,
  onShowAll,
  onRemoveChecked,
  onRemoveAll,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="sel-bulk" role="group" aria-label="Bulk actions">
      <button type="button" disabled={listed === 0} onClick={() => onShowAll(true)}>
        Show all
      </button>
      <button type="button" disabled={listed === 0} onClick={() => onShowAll(false)}>
        Hide all
      </button>
      <span className="sel-bulk-spacer" />
      {checked > 0 ? (
        <button type="button" className="sel-danger" onClick={onRemoveChecked}>
          Remove checked ({checked})
        </button>
      ) : confirming ? (
        <>
          <button
            type="button"
            className="sel-danger is-armed"
            onClick={() => {
              setConfirming(false);
              onRemoveAll();
            }}
          >
            Remove all {total}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          className="sel-danger"
          disabled={total === 0}
          onClick={() => setConfirming(true)}
        >
          Remove all
        </button>
      )}
    </div>
  );
}
