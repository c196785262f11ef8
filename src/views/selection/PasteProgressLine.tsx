import type { PasteProgress } from './use-add-pasted-ids.ts';
import { formatCount } from '../../lib/format.ts';

/** "Checking 40,000 of 100,000 skeleton ids…" with a bar and Cancel, while ids are added. */
export function PasteProgressLine({
  progress,
  onCancel,
}: {
  progress: PasteProgress;
  onCancel(): void;
}) {
  const text =
    progress.phase === 'reading'
      ? 'Reading the pasted ids…'
      : `Checking ${formatCount(progress.done)} of ${formatCount(progress.total)} skeleton ids with the server…`;
  return (
    <div className="sel-message sel-progress">
      <p role="status">{text}</p>
      <progress
        aria-label="Checking skeleton ids"
        max={progress.phase === 'checking' ? progress.total : undefined}
        value={progress.phase === 'checking' ? progress.done : undefined}
      />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
