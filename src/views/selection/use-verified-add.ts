/**
 * Adding neurons from outside (a CATMAID selection file, a pasted id list) goes through the
 * server first, as CATMAID's own loader does: `skeleton/neuronnames` tells which skeletons
 * exist; unknown ones are dropped and named. The ids are checked in chunks (progress reported,
 * cancellable), so 100,000 ids neither freeze the tab nor make one giant request. Nothing
 * changes when nothing is left to add, or when the check fails or is cancelled.
 */
import { fetchNeuronNames } from '../../api/neuron-names.ts';
import type { ProjectScope } from '../../api/scope.ts';
import { useSelectionStore } from '../../state/selection-context.tsx';
import { resolveFileEntries, type SelectionFileEntry } from '../../state/selection-json.ts';
import { schemeColor } from '../../state/selection-schemes.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { describeError } from '../shared/describe-error.ts';
import { unknownLine } from './add-report.ts';

export interface AddOutcome {
  /** Neurons added or updated. */
  added: number;
  /** Skeleton ids the server does not know. */
  unknown: number;
  /** Problems to show (role="alert"); empty when everything went in. */
  problems: string[];
  cancelled: boolean;
  /** The server could not be asked (a failed request, not unknown ids): the add can be retried. */
  checkFailed: boolean;
}

export interface AddOptions {
  signal?: AbortSignal;
  /** Ids checked so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
}

type Checked = { ok: true; names: Map<number, string> } | { ok: false; outcome: AddOutcome };

async function checkWithServer(
  scope: ProjectScope,
  ids: readonly number[],
  { signal, onProgress }: AddOptions,
): Promise<Checked> {
  try {
    return { ok: true, names: await fetchNeuronNames(scope, ids, { signal, onProgress }) };
  } catch (err) {
    if (signal?.aborted)
      return {
        ok: false,
        outcome: { ...NOTHING, problems: ['Cancelled: nothing was added.'], cancelled: true },
      };
    const { title, hint } = describeError(err);
    const problem = `Could not check the skeleton ids with the server: ${title}. ${hint}`;
    return { ok: false, outcome: { ...NOTHING, problems: [problem], checkFailed: true } };
  }
}

const NOTHING: AddOutcome = {
  added: 0,
  unknown: 0,
  problems: [],
  cancelled: false,
  checkFailed: false,
};

/**
 * A CATMAID selection file: entries carry colours and opacity and update neurons already
 * selected (this ends "colour by annotation", like any explicit colour).
 */
export function useVerifiedFileAdd(): (
  entries: readonly SelectionFileEntry[],
  options?: AddOptions,
) => Promise<AddOutcome> {
  const scope = useProjectScope();
  const store = useSelectionStore();
  return async (entries, options = {}) => {
    const checked = await checkWithServer(
      scope,
      entries.map((e) => e.skeletonId),
      options,
    );
    if (!checked.ok) return checked.outcome;
    const { items: current, colorScheme } = store.getState();
    const present = new Map(current.map((i) => [i.skeletonId, i]));
    // A neuron already selected keeps what the file does not say.
    const filled = entries.map((e) => {
      const p = present.get(e.skeletonId);
      return p ? { ...e, color: e.color ?? p.color, opacity: e.opacity ?? p.opacity } : e;
    });
    let fresh = 0;
    const { items, unknown } = resolveFileEntries(filled, new Set(checked.names.keys()), () =>
      schemeColor(colorScheme, current.length + fresh++),
    );
    const problems = unknown.length > 0 ? [unknownLine(unknown, items.length > 0)] : [];
    if (items.length > 0) store.getState().merge(items);
    return { ...NOTHING, added: items.length, unknown: unknown.length, problems };
  };
}

/**
 * New skeleton ids (not yet selected): those the server knows are added with the current
 * colouring (scheme, or their annotation group). Plain numbers all the way: 100,000 ids.
 */
export function useVerifiedIdsAdd(): (
  ids: readonly number[],
  options?: AddOptions,
) => Promise<AddOutcome> {
  const scope = useProjectScope();
  const store = useSelectionStore();
  return async (ids, options = {}) => {
    const checked = await checkWithServer(scope, ids, options);
    if (!checked.ok) return checked.outcome;
    const known: number[] = [];
    const unknown: number[] = [];
    for (const id of ids) (checked.names.has(id) ? known : unknown).push(id);
    if (known.length > 0) store.getState().add(known);
    const problems = unknown.length > 0 ? [unknownLine(unknown, known.length > 0)] : [];
    return { ...NOTHING, added: known.length, unknown: unknown.length, problems };
  };
}
