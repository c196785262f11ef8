/**
 * "Add ids" for a pasted list of any length: read it in slices (the tab stays responsive with
 * 100,000 ids), skip and count what is not a skeleton id, check the rest with the server in
 * chunks with progress, add what exists, and report every count. `cancel` stops a running add;
 * nothing is added then.
 */
import { useRef, useState } from 'react';
import { useSelectionStore } from '../../state/selection-context.tsx';
import { outcomeMessage, pasteLines, type ReportMessage } from './add-report.ts';
import { malformedCount, parseIdListInSlices, yieldToBrowser } from './parse-id-list.ts';
import { useVerifiedIdsAdd } from './use-verified-add.ts';

export type PasteProgress =
  { phase: 'reading' } | { phase: 'checking'; done: number; total: number };

export function useAddPastedIds(): {
  progress: PasteProgress | null;
  /** The report; `checkFailed` when the server could not be asked (worth a Retry). */
  run(text: string): Promise<ReportMessage & { checkFailed?: boolean }>;
  cancel(): void;
} {
  const store = useSelectionStore();
  const verifiedAdd = useVerifiedIdsAdd();
  const [progress, setProgress] = useState<PasteProgress | null>(null);
  const running = useRef<AbortController | null>(null);

  async function add(
    text: string,
    signal: AbortSignal,
  ): Promise<ReportMessage & { checkFailed?: boolean }> {
    setProgress({ phase: 'reading' });
    const list = await parseIdListInSlices(text, { signal });
    await yieldToBrowser();
    signal.throwIfAborted();
    const present = new Set(store.getState().items.map((i) => i.skeletonId));
    const fresh = list.ids.filter((id) => !present.has(id));
    const notes = pasteLines(list, list.ids.length - fresh.length);
    if (fresh.length === 0) {
      if (list.ids.length > 0 && malformedCount(list) === 0)
        return { tone: 'ok', lines: ['All these neurons are already in the selection.'] };
      const lines = list.ids.length === 0 && malformedCount(list) === 0 ? [] : notes;
      return {
        tone: 'error',
        lines: ['Nothing was added: paste at least one skeleton id.', ...lines],
      };
    }
    setProgress({ phase: 'checking', done: 0, total: fresh.length });
    const outcome = await verifiedAdd(fresh, {
      signal,
      onProgress: (done, total) => setProgress({ phase: 'checking', done, total }),
    });
    if (outcome.cancelled) return { tone: 'error', lines: outcome.problems };
    const message = outcomeMessage(outcome, 'the pasted ids', notes);
    if (malformedCount(list) > 0) message.tone = 'error';
    return { ...message, checkFailed: outcome.checkFailed };
  }

  return {
    progress,
    async run(text) {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      try {
        return await add(text, controller.signal);
      } catch (err) {
        if (controller.signal.aborted)
          return { tone: 'error', lines: ['Cancelled: nothing was added.'] };
        throw err;
      } finally {
        if (running.current === controller) {
          running.current = null;
          setProgress(null);
        }
      }
    },
    cancel() {
      running.current?.abort();
    },
  };
}
