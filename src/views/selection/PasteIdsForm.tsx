import { useState, type ClipboardEvent } from 'react';
import type { ReportMessage } from './add-report.ts';
import { PasteProgressLine } from './PasteProgressLine.tsx';
import { useAddPastedIds } from './use-add-pasted-ids.ts';

/**
 * Chrome inserts pasted text into a textarea in time quadratic in its lines (3,000 lines took
 * 47 s), and a textarea holding 100,000 ids takes ~0.4 s per update. So a paste with many lines
 * is inserted by us, and a big one is held in memory instead of in the textarea.
 */
const MANY_LINES = 50;
const HOLD_CHARS = 20_000;

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && n <= MANY_LINES; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The "Skeleton ids" box and "Add ids": any number of ids, checked with progress and Cancel. */
export function PasteIdsForm({
  disabled,
  onReport,
}: {
  disabled: boolean;
  onReport(message: ReportMessage | null): void;
}) {
  const pasted = useAddPastedIds();
  const [ids, setIds] = useState('');
  /** A big paste, kept out of the textarea. */
  const [held, setHeld] = useState<string | null>(null);
  const busy = pasted.progress !== null;

  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const text = e.clipboardData.getData('text/plain');
    if (text.length < HOLD_CHARS && lineCount(text) < MANY_LINES) return;
    e.preventDefault();
    const box = e.currentTarget;
    const next = ids.slice(0, box.selectionStart) + text + ids.slice(box.selectionEnd);
    if (next.length < HOLD_CHARS) setIds(next);
    else {
      setHeld(next);
      setIds('');
    }
  }

  /** Adds `text` (what was in the box, or pasted); a failed server check can repeat it. */
  async function addIds(text: string) {
    onReport(null);
    const { checkFailed, ...report } = await pasted.run(text);
    onReport(checkFailed ? { ...report, retry: () => void addIds(text) } : report);
    if (report.tone !== 'ok') return;
    // Only what was added is cleared: after a Retry the box may hold something typed since.
    setIds((current) => (current === text ? '' : current));
    setHeld((current) => (current === text ? null : current));
  }

  return (
    <>
      <form
        className="sel-paste"
        onSubmit={(e) => {
          e.preventDefault();
          void addIds(held ?? ids);
        }}
      >
        <label className="sel-field sel-grow">
          <span>Skeleton ids</span>
          <textarea
            rows={2}
            value={ids}
            readOnly={held !== null}
            placeholder={
              held === null
                ? 'e.g. 16, 2333007 or one per line'
                : `${(held.length / 1024).toFixed(0)} KB of ids pasted: Add ids checks them`
            }
            onPaste={onPaste}
            onChange={(e) => setIds(e.target.value)}
          />
        </label>
        <button type="submit" disabled={disabled || busy || (held === null && !ids.trim())}>
          Add ids
        </button>
      </form>
      {held !== null && !busy ? (
        <p className="sel-message">
          Pasted {(held.length / 1024).toFixed(0)} KB of skeleton ids.{' '}
          <button type="button" className="sel-link-button" onClick={() => setHeld(null)}>
            Clear the pasted ids
          </button>
        </p>
      ) : null}
      {pasted.progress ? (
        <PasteProgressLine progress={pasted.progress} onCancel={pasted.cancel} />
      ) : null}
    </>
  );
}
