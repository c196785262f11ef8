/**
 * Adding neurons from outside (a CATMAID selection file, a pasted id list) goes through the
 * server first, as CATMAID's own loader does: `skeleton/neuronnames` tells which skeletons
 * exist; unknown ones are dropped and named. The ids are checked in chunks (progress reported,
 * cancellable), so 100,000 ids neither freeze the tab nor make one giant request. Nothing
 * changes when nothing is left to add, or when the check fails or is cancelled.
 */
import { fetchNeuronNames } from '../../api/neuron-names.ts';
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
}

export interface AddOptions {
  signal?: AbortSignal;
  /** Ids checked so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * `file`: entries carry colours and opacity and update neurons already selected (this ends
 * "colour by annotation", like any explicit colour). `ids`: new neurons take the current
 * colouring (scheme, or their annotation group).
 */
export function useVerifiedAdd(
  mode: 'file' | 'ids',
): (entries: readonly SelectionFileEntry[], options?: AddOptions) => Promise<AddOutcome> {
  const scope = useProjectScope();
  const store = useSelectionStore();
  return async (entries, { signal, onProgress } = {}) => {
    let names: Map<number, string>;
    try {
      names = await fetchNeuronNames(
        scope,
        entries.map((e) => e.skeletonId),
        { signal, onProgress },
      );
    } catch (err) {
      if (signal?.aborted)
        return {
          added: 0,
          unknown: 0,
          problems: ['Cancelled: nothing was added.'],
          cancelled: true,
        };
      const { title, hint } = describeError(err);
      return {
        added: 0,
        unknown: 0,
        problems: [`Could not check the skeleton ids with the server: ${title}. ${hint}`],
        cancelled: false,
      };
    }
    const { items: current, colorScheme } = store.getState();
    const present = new Map(current.map((i) => [i.skeletonId, i]));
    // A neuron already selected keeps what the file does not say.
    const filled = entries.map((e) => {
      const p = present.get(e.skeletonId);
      return p ? { ...e, color: e.color ?? p.color, opacity: e.opacity ?? p.opacity } : e;
    });
    let fresh = 0;
    const { items, unknown } = resolveFileEntries(filled, new Set(names.keys()), () =>
      schemeColor(colorScheme, current.length + fresh++),
    );
    const problems = unknown.length > 0 ? [unknownLine(unknown, items.length > 0)] : [];
    if (items.length > 0 && mode === 'file') store.getState().merge(items);
    if (items.length > 0 && mode === 'ids') store.getState().add(items.map((i) => i.skeletonId));
    return { added: items.length, unknown: unknown.length, problems, cancelled: false };
  };
}
