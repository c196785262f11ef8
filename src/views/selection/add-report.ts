/**
 * The words of an "add neurons" report: how many went in, which do not exist on the server,
 * which tokens were not skeleton ids. Pure, so the counts in the messages are unit-tested.
 */
import { listForMessage, malformedCount, type IdList } from './parse-id-list.ts';
import { formatCount } from '../../lib/format.ts';

function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}

/** `left`: some neurons did go in, so the unknown ones were "left out". */
export function unknownLine(unknown: readonly number[], left: boolean): string {
  const n = unknown.length;
  const tail = left ? (n === 1 ? ' and was left out' : ' and were left out') : '';
  if (n === 1) return `Skeleton ${unknown[0]} does not exist in this project${tail}.`;
  if (n <= 5) return `Skeletons ${listForMessage(unknown)} do not exist in this project${tail}.`;
  return `${plural(n, 'skeleton')} do not exist in this project${tail}: ${listForMessage(unknown)}.`;
}

const KIND_WORDS = [
  ['nonNumeric', 'not a number', 'not numbers'],
  ['negative', 'negative', 'negative'],
  ['zero', 'zero', 'zero'],
  ['overlong', 'too long', 'too long'],
] as const;

/** Lines about what in a paste was skipped before asking the server (none when all was fine). */
export function pasteLines(list: IdList, alreadySelected: number): string[] {
  const lines: string[] = [];
  const bad = malformedCount(list);
  if (bad > 0) {
    const kinds = KIND_WORDS.filter(([k]) => list.malformed[k] > 0).map(
      ([k, one, many]) =>
        `${formatCount(list.malformed[k])} ${list.malformed[k] === 1 ? one : many}`,
    );
    const examples = list.examples.map((t) => `"${t}"`).join(', ');
    lines.push(
      `${plural(bad, 'entry', 'entries')} skipped as not skeleton ids: ${kinds.join(', ')} (e.g. ${examples}). Skeleton ids are whole numbers from 1, separated by commas, spaces or new lines.`,
    );
  }
  if (list.repeated > 0) lines.push(`${plural(list.repeated, 'repeated id')} counted once.`);
  if (alreadySelected > 0)
    lines.push(`${plural(alreadySelected, 'neuron')} already in the selection.`);
  return lines;
}

export interface ReportMessage {
  tone: 'ok' | 'error';
  lines: string[];
  /** Repeats the add that failed because the server could not be asked (shown as "Retry"). */
  retry?: () => void;
}

/** The report of an add: what went in first, then what did not. */
export function outcomeMessage(
  outcome: { added: number; problems: readonly string[] },
  what: string,
  notes: readonly string[] = [],
): ReportMessage {
  const head =
    outcome.added === 0
      ? `Nothing was added from ${what}.`
      : `Added ${plural(outcome.added, 'neuron')} from ${what}.`;
  const problems = [...outcome.problems, ...notes];
  return {
    tone: outcome.added === 0 || outcome.problems.length > 0 ? 'error' : 'ok',
    lines: [head, ...problems],
  };
}
