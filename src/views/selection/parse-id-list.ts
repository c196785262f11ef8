/**
 * A pasted list of skeleton ids: separated by commas, semicolons, spaces or newlines. Tokens
 * that are not plain non-negative integers are returned so the UI can name them.
 */
export interface IdList {
  ids: number[];
  invalid: string[];
}

export function parseIdList(text: string): IdList {
  const ids: number[] = [];
  const invalid: string[] = [];
  const seen = new Set<number>();
  for (const token of text.split(/[\s,;]+/)) {
    if (!token) continue;
    const id = /^\d{1,16}$/.test(token) ? Number(token) : NaN;
    if (!Number.isSafeInteger(id)) {
      if (!invalid.includes(token)) invalid.push(token);
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return { ids, invalid };
}

/** "a", "a and b", "a, b, c and 4 more" — for messages that name what was wrong. */
export function listForMessage(values: readonly (string | number)[], max = 5): string {
  const shown = values.slice(0, max).map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
  const rest = values.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
