import { useRef, useState } from 'react';
import { downloadText } from '../../lib/download.ts';
import { useSelectionStore } from '../../state/selection-context.tsx';
import {
  parseSelectionFile,
  selectionFileName,
  serializeSelectionFile,
} from '../../state/selection-json.ts';
import { outcomeMessage, type ReportMessage } from './add-report.ts';
import { PasteIdsForm } from './PasteIdsForm.tsx';
import { PasteProgressLine } from './PasteProgressLine.tsx';
import type { PasteProgress } from './use-add-pasted-ids.ts';
import { useVerifiedFileAdd } from './use-verified-add.ts';

/** Import / export CATMAID selection files, and add a pasted list of skeleton ids. */
export function TransferSection() {
  const store = useSelectionStore();
  const addFromFile = useVerifiedFileAdd();
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<PasteProgress | null>(null);
  const importing = useRef<AbortController | null>(null);
  const busy = progress !== null;
  const [message, setMessage] = useState<ReportMessage | null>(null);

  async function importFile(file: File) {
    setMessage(null);
    const parsed = parseSelectionFile(await file.text());
    if (!parsed.ok) {
      setMessage({
        tone: 'error',
        lines: [`Could not import ${file.name}: ${parsed.error}`, 'The selection is unchanged.'],
      });
      return;
    }
    const controller = new AbortController();
    importing.current = controller;
    const onProgress = (done: number, total: number) =>
      setProgress({ phase: 'checking', done, total });
    onProgress(0, parsed.entries.length);
    const outcome = await addFromFile(parsed.entries, { signal: controller.signal, onProgress });
    setProgress(null);
    if (outcome.cancelled) {
      setMessage({ tone: 'error', lines: outcome.problems });
      return;
    }
    const m = outcomeMessage(outcome, file.name);
    if (outcome.checkFailed) m.retry = () => void importFile(file);
    const n = parsed.ignored;
    if (n > 0)
      m.lines.push(
        `${n === 1 ? '1 entry' : `${n} entries`} without "skeleton_id" ignored (as CATMAID does).`,
      );
    setMessage(m);
  }

  function exportFile() {
    const items = store.getState().items;
    downloadText(serializeSelectionFile(items), selectionFileName(new Date()), 'application/json');
  }

  return (
    <section className="sel-transfer" aria-label="Import and export">
      <div className="sel-field-row">
        <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
          Import JSON…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          aria-label="Import selection file"
          className="visually-hidden"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" onClick={exportFile} title="CATMAID selection-table JSON">
          Export JSON
        </button>
      </div>
      <PasteIdsForm disabled={busy} onReport={setMessage} />
      {progress ? (
        <PasteProgressLine progress={progress} onCancel={() => importing.current?.abort()} />
      ) : null}
      {message ? (
        <div
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={`sel-message is-${message.tone}`}
        >
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {message.retry ? (
            <button type="button" onClick={message.retry} disabled={busy}>
              Retry
            </button>
          ) : null}
          <button type="button" className="sel-link-button" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  );
}
