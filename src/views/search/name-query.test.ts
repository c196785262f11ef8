import { describe, expect, it } from 'vitest';
import { parseNameQuery } from './name-query.ts';

describe('name query', () => {
  it('is a substring by default and exact on request', () => {
    expect(parseNameQuery('  PN DA1 ', false)).toEqual({ kind: 'substring', text: 'PN DA1' });
    expect(parseNameQuery('PN DA1', true)).toEqual({ kind: 'exact', text: 'PN DA1' });
  });

  it('treats /…/ and /… as a regular expression', () => {
    expect(parseNameQuery('/^PN.*left$/', false)).toEqual({ kind: 'regex', pattern: '^PN.*left$' });
    expect(parseNameQuery('/^KC', false)).toEqual({ kind: 'regex', pattern: '^KC' });
  });

  it('names the problem of an invalid regular expression', () => {
    const parsed = parseNameQuery('/PN (DA1/', false);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toMatch(
      /^Invalid regular expression \/PN \(DA1\/: /,
    );
  });

  it('is empty for blank input and a lone slash is a substring', () => {
    expect(parseNameQuery('   ', false)).toEqual({ kind: 'empty' });
    expect(parseNameQuery('/', false)).toEqual({ kind: 'substring', text: '/' });
  });
});
