/**
 * Autocomplete matching over large option lists (16k annotation names must stay instant): a
 * linear scan over pre-lowercased labels, prefix matches first, then word-start, then substring.
 */
export interface OptionIndex<T> {
  options: readonly T[];
  lower: readonly string[];
}

export function indexOptions<T>(options: readonly T[], label: (o: T) => string): OptionIndex<T> {
  return { options, lower: options.map((o) => label(o).toLowerCase()) };
}

export function matchOptions<T>(index: OptionIndex<T>, query: string, limit = 50): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return index.options.slice(0, limit);
  const prefix: T[] = [];
  const wordStart: T[] = [];
  const inside: T[] = [];
  const { options, lower } = index;
  for (let i = 0; i < options.length; i++) {
    const text = lower[i] ?? '';
    const at = text.indexOf(q);
    if (at < 0) continue;
    const option = options[i] as T;
    if (at === 0) prefix.push(option);
    else if (/[\s_\-/(]/.test(text[at - 1] ?? '')) wordStart.push(option);
    else inside.push(option);
    if (prefix.length >= limit) break;
  }
  return [...prefix, ...wordStart, ...inside].slice(0, limit);
}
