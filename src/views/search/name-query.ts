/**
 * Turns what the user typed in the name box into CATMAID's name filter. `/…/` (or `/…`) is a
 * regular expression, as in CATMAID's own clients; anything else is a substring (or exact) match.
 */
export type NameQuery =
  | { kind: 'empty' }
  | { kind: 'substring' | 'exact'; text: string }
  | { kind: 'regex'; pattern: string }
  | { kind: 'invalid'; message: string };

export function parseNameQuery(input: string, exact: boolean): NameQuery {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  if (text.startsWith('/') && text.length > 1) {
    const pattern = text.endsWith('/') && text.length > 2 ? text.slice(1, -1) : text.slice(1);
    try {
      // The server uses PostgreSQL POSIX regexes; JavaScript's syntax agrees on everything a
      // name search needs, so this catches typos before they reach the server.
      new RegExp(pattern);
    } catch (err) {
      return {
        kind: 'invalid',
        message: `Invalid regular expression /${pattern}/: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`,
      };
    }
    return { kind: 'regex', pattern };
  }
  return { kind: exact ? 'exact' : 'substring', text };
}
