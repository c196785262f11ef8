/**
 * A pasted list of skeleton ids: separated by commas, semicolons, spaces or newlines. Tokens
 * that are not skeleton ids are counted by kind (and a few kept as examples) so the UI can say
 * what was skipped; repeated ids are counted once. A paste can hold 100,000 ids or more, so
 * `parseIdListInSlices` reads it in slices and yields to the event loop between them.
 */
import { formatCount } from '../../lib/format.ts';

type MalformedKind = 'nonNumeric' | 'negative' | 'zero' | 'overlong';

export interface IdList {
  ids: number[];
  /** Malformed tokens by kind. */
  malformed: Record<MalformedKind, number>;
  /** The first few malformed tokens, as typed (shortened), for the message. */
  examples: string[];
  /** Ids given more than once (counted once). */
  repeated: number;
}

const MAX_EXAMPLES = 5;
const SEPARATOR = /[\s,;]/;
/** ~50 KB of text per slice (~6,000 ids): a few ms of work, so other tasks run in between. */
const SLICE_CHARS = 50_000;

function classifyToken(token: string): MalformedKind | number {
  if (/^\d+$/.test(token)) {
    if (token.length > 16 || !Number.isSafeInteger(Number(token))) return 'overlong';
    const id = Number(token);
    return id === 0 ? 'zero' : id;
  }
  return /^-\d+$/.test(token) ? 'negative' : 'nonNumeric';
}

function emptyList(): IdList {
  return {
    ids: [],
    malformed: { nonNumeric: 0, negative: 0, zero: 0, overlong: 0 },
    examples: [],
    repeated: 0,
  };
}

function scan(text: string, into: IdList, seen: Set<number>): void {
  for (const token of text.split(/[\s,;]+/)) {
    if (!token) continue;
    const kind = classifyToken(token);
    if (typeof kind === 'number') {
      if (seen.has(kind)) into.repeated++;
      else {
        seen.add(kind);
        into.ids.push(kind);
      }
      continue;
    }
    into.malformed[kind]++;
    if (into.examples.length < MAX_EXAMPLES) into.examples.push(token.slice(0, 24));
  }
}

export function parseIdList(text: string): IdList {
  const out = emptyList();
  scan(text, out, new Set());
  return out;
}

export function malformedCount(list: IdList): number {
  const m = list.malformed;
  return m.nonNumeric + m.negative + m.zero + m.overlong;
}

/** Let the browser paint and handle input before the next piece of work. */
export const yieldToBrowser = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0);
  });

/** As `parseIdList`, in slices cut at separators, yielding between them; rejects on abort. */
export async function parseIdListInSlices(
  text: string,
  { signal, sliceChars = SLICE_CHARS }: { signal?: AbortSignal; sliceChars?: number } = {},
): Promise<IdList> {
  const out = emptyList();
  const seen = new Set<number>();
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + sliceChars);
    while (end < text.length && !SEPARATOR.test(text.charAt(end))) end++;
    scan(text.slice(start, end), out, seen);
    start = end;
    if (start < text.length) {
      await yieldToBrowser();
      signal?.throwIfAborted();
    }
  }
  return out;
}

/** "a", "a and b", "a, b, c and 4 more" — for messages that name what was wrong. */
export function listForMessage(values: readonly (string | number)[], max = 5): string {
  const shown = values.slice(0, max).map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  const rest = values.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${formatCount(rest)} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
