/**
 * Adding neurons from outside (a CATMAID selection file, a pasted id list) goes through the
 * server first, as CATMAID's own loader does: `skeleton/neuronnames` tells which skeletons
 * exist; unknown ones are dropped and named. Nothing changes when nothing is left to add.
 */
import { useQueryClient } from '@tanstack/react-query';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { useSelectionStore } from '../../state/selection-context.tsx';
import { resolveFileEntries, type SelectionFileEntry } from '../../state/selection-json.ts';
import { schemeColor } from '../../state/selection-schemes.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { describeError } from '../shared/describe-error.ts';
import { listForMessage } from './parse-id-list.ts';

export interface AddOutcome {
  /** Neurons added or updated. */
  added: number;
  /** Problems to show (role="alert"); empty when everything went in. */
  problems: string[];
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * `file`: entries carry colours and opacity and update neurons already selected (this ends
 * "colour by annotation", like any explicit colour). `ids`: new neurons take the current
 * colouring (scheme, or their annotation group).
 */
export function useVerifiedAdd(
  mode: 'file' | 'ids',
): (entries: readonly SelectionFileEntry[]) => Promise<AddOutcome> {
  const scope = useProjectScope();
  const queryClient = useQueryClient();
  const store = useSelectionStore();
  return async (entries) => {
    let names: Map<number, string>;
    try {
      names = await queryClient.fetchQuery(
        neuronNamesQuery(
          scope,
          entries.map((e) => e.skeletonId),
        ),
      );
    } catch (err) {
      const { title, hint } = describeError(err);
      return {
        added: 0,
        problems: [`Could not check the skeleton ids with the server: ${title}. ${hint}`],
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
    const problems: string[] = [];
    if (unknown.length > 0) {
      const one = unknown.length === 1;
      problems.push(
        `${one ? 'Skeleton' : 'Skeletons'} ${listForMessage(unknown)} ${one ? 'does' : 'do'} not exist in this project${
          items.length ? ` and ${one ? 'was' : 'were'} left out` : ''
        }.`,
      );
    }
    if (items.length > 0 && mode === 'file') store.getState().merge(items);
    if (items.length > 0 && mode === 'ids') store.getState().add(items.map((i) => i.skeletonId));
    return { added: items.length, problems };
  };
}

export { plural };
