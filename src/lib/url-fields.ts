/**
 * Typed URL fields: a record of fields, each with its query key, default and bounds, gives the
 * value type, the defaults, a defensive parser (a missing or garbled key falls back to the
 * default, never throws) and a writer that omits defaults. Declare options once with these.
 */
export interface IntField {
  kind: 'int';
  key: string;
  default: number;
  min: number;
  max: number;
}
export interface ChoiceField<T extends string> {
  kind: 'choice';
  key: string;
  /** The first value is the default. */
  values: readonly [T, ...T[]];
  default: T;
}
export interface TextField {
  kind: 'text';
  key: string;
  default: string;
  maxLength: number;
}
export type UrlField = IntField | ChoiceField<string> | TextField;
export type FieldValues<F extends Record<string, UrlField>> = {
  [K in keyof F]: F[K]['default'];
};

export const intField = (key: string, def: number, min: number, max: number): IntField => ({
  kind: 'int',
  key,
  default: def,
  min,
  max,
});
export const choiceField = <T extends string>(
  key: string,
  values: readonly [T, ...T[]],
): ChoiceField<T> => ({ kind: 'choice', key, values, default: values[0] });
export const textField = (key: string, maxLength: number): TextField => ({
  kind: 'text',
  key,
  default: '',
  maxLength,
});

export function fieldDefaults<F extends Record<string, UrlField>>(fields: F): FieldValues<F> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, f]) => [name, f.default]),
  ) as FieldValues<F>;
}

function parseField(f: UrlField, raw: string | null): string | number {
  if (raw === null) return f.default;
  switch (f.kind) {
    case 'int': {
      if (!new RegExp(`^\\d{1,${String(f.max).length}}$`).test(raw)) return f.default;
      const n = Number(raw);
      return n >= f.min && n <= f.max ? n : f.default;
    }
    case 'choice':
      return f.values.find((v) => v === raw) ?? f.default;
    case 'text':
      return raw.slice(0, f.maxLength);
  }
}

export function parseFields<F extends Record<string, UrlField>>(
  fields: F,
  params: URLSearchParams,
): FieldValues<F> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, f]) => [name, parseField(f, params.get(f.key))]),
  ) as FieldValues<F>;
}

export function writeFields<F extends Record<string, UrlField>>(
  fields: F,
  values: FieldValues<F>,
  params: URLSearchParams,
): void {
  for (const [name, f] of Object.entries(fields)) {
    const v = values[name as keyof F];
    if (v !== f.default) params.set(f.key, String(v));
  }
}

/** A typed input's value clamped to an int field's bounds (the default when not a number). */
export function clampInt(f: IntField, raw: string): number {
  const n = Math.floor(Number(raw));
  if (raw.trim() === '' || !Number.isFinite(n)) return f.default;
  return Math.min(f.max, Math.max(f.min, n));
}
