/**
 * Request parameters with CATMAID's parsing rules (catmaid-api.md §1.2): booleans are true only
 * for 'true'/'True'; lists come indexed (`a[0]=1`), as a repeated plain key (`a=1&a=2`), or as
 * `a[]=1,2` (comma-split, and only the last `a[]` counts); some endpoints read indexed keys only.
 */
import { valueError } from './errors.ts';

const INT_RE = /^\s*[+-]?\d+\s*$/;

/** Python's int(): the error text is what CATMAID reports. */
export function pyInt(value: string): number {
  if (!INT_RE.test(value)) throw valueError(`invalid literal for int() with base 10: '${value}'`);
  return Number.parseInt(value, 10);
}

export class Params {
  constructor(readonly pairs: readonly [string, string][]) {}

  static fromSearch(search: URLSearchParams): Params {
    return new Params([...search.entries()]);
  }

  has(name: string): boolean {
    return this.pairs.some(([k]) => k === name);
  }

  /** Django QueryDict.get: the last value of a key. */
  get(name: string): string | undefined {
    let out: string | undefined;
    for (const [k, v] of this.pairs) if (k === name) out = v;
    return out;
  }

  getAll(name: string): string[] {
    return this.pairs.filter(([k]) => k === name).map(([, v]) => v);
  }

  bool(name: string, fallback = false): boolean {
    const v = this.get(name);
    return v === undefined ? fallback : v.toLowerCase() === 'true';
  }

  /** Keys of the form `name[...]` with their last value, in order of first appearance. */
  private bracketed(name: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, v] of this.pairs) if (k.startsWith(`${name}[`)) out.set(k, v);
    return out;
  }

  /** get_request_list: indexed, `name[]` comma form, or repeated plain key; null if absent. */
  list(name: string): string[] | null {
    const indexed = [...this.bracketed(name).entries()]
      .map(([k, v]) => [/^\[(\d+)\]$/.exec(k.slice(name.length))?.[1], v] as const)
      .filter((e): e is readonly [string, string] => e[0] !== undefined)
      .sort((x, y) => Number(x[0]) - Number(y[0]));
    if (indexed.length > 0) return indexed.map(([, v]) => v);
    const brackets = this.get(`${name}[]`);
    if (brackets !== undefined) return brackets.split(',');
    const plain = this.getAll(name);
    return plain.length > 0 ? plain : null;
  }

  intList(name: string): number[] | null {
    return this.list(name)?.map(pyInt) ?? null;
  }

  /** Endpoints that only read keys starting with `name[` (review-status, annotationlist, …). */
  indexedInts(name: string): number[] {
    return [...this.bracketed(name).values()].map(pyInt);
  }

  int(name: string): number | undefined {
    const v = this.get(name);
    return v === undefined ? undefined : pyInt(v);
  }
}
