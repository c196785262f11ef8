import { useRef, useState } from 'react';
import { downloadText } from '../../lib/download.ts';
import { useSelectionStore } from '../../state/selection-context.tsx';
import {
  parseSelectionFile,
  selectionFileName,
  serializeSelectionFile,
} from '../../state/selection-json.ts';
import { listForMessage, parseIdList } from './parse-id-list.ts';
import { plural, useVerifiedAdd, type AddOutcome } from './use-verified-add.ts';

interface Message {
  tone: 'ok' | 'error';
  lines: string[];
}

function outcomeMessage(outcome: AddOutcome, what: string): Message {
  if (outcome.added === 0)
    return { tone: 'error', lines: [`Nothing was added from ${what}.`, ...outcome.problems] };
  const lines = [`Added ${plural(outcome.added, 'neuron')} from ${what}.`, ...outcome.problems];
  return { tone: outcome.problems.length ? 'error' : 'ok', lines };
}

/** Import / export CATMAID selection files, and add a pasted list of skeleton ids. */
export function TransferSection() {
  const store = useSelectionStore();
  const addFromFile = useVerifiedAdd('file');
  const addIdList = useVerifiedAdd('ids');
  const fileRef = useRef<HTMLInputElement>(null);
  const [ids, setIds] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

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
    setBusy(true);
    const outcome = await addFromFile(parsed.entries);
    setBusy(false);
    const m = outcomeMessage(outcome, file.name);
    const n = parsed.ignored;
    if (n > 0)
      m.lines.push(
        `${n === 1 ? '1 entry' : `${n} entries`} without "skeleton_id" ignored (as CATMAID does).`,
      );
    setMessage(m);
  }

  async function addIds() {
    setMessage(null);
    const { ids: parsed, invalid } = parseIdList(ids);
    if (invalid.length > 0) {
      setMessage({
        tone: 'error',
        lines: [
          `Not skeleton ids: ${listForMessage(invalid)}. Use whole numbers separated by commas, spaces or new lines; nothing was added.`,
        ],
      });
      return;
    }
    if (parsed.length === 0) {
      setMessage({ tone: 'error', lines: ['Paste at least one skeleton id.'] });
      return;
    }
    const present = new Set(store.getState().items.map((i) => i.skeletonId));
    const fresh = parsed.filter((id) => !present.has(id));
    if (fresh.length === 0) {
      setMessage({ tone: 'ok', lines: ['All these neurons are already in the selection.'] });
      return;
    }
    setBusy(true);
    const outcome = await addIdList(
      fresh.map((skeletonId) => ({ skeletonId, color: null, opacity: null })),
    );
    setBusy(false);
    setMessage(outcomeMessage(outcome, 'the pasted ids'));
    if (outcome.added > 0 && outcome.problems.length === 0) setIds('');
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
      <form
        className="sel-paste"
        onSubmit={(e) => {
          e.preventDefault();
          void addIds();
        }}
      >
        <label className="sel-field sel-grow">
          <span>Skeleton ids</span>
          <textarea
            rows={2}
            value={ids}
            placeholder="e.g. 16, 2333007 or one per line"
            onChange={(e) => setIds(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !ids.trim()}>
          Add ids
        </button>
      </form>
      {busy ? (
        <p role="status" className="sel-message">
          Checking skeleton ids with the server…
        </p>
      ) : null}
      {message ? (
        <div
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={`sel-message is-${message.tone}`}
        >
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <button type="button" className="sel-link-button" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  );
}
