/**
 * CATMAID form / query-string encoder.
 *
 * CATMAID reads lists in three spellings, but several endpoints (review-status, annotationlist,
 * contributor stats, the subgraph and graph endpoints) only recognise the indexed one, and the
 * `name[]` spelling silently keeps only the last value. So lists are ALWAYS sent indexed
 * (`skeleton_ids[0]=16`, nested `name[0][1]=…`). Booleans must be the literal `true`/`false`:
 * the server treats `1`, `on`, `yes` as false. The single exception is query-targets'
 * `annotated_by`, which is read with `getlist` and ignores indexed keys: use `repeated(...)`.
 */

export type FormScalar = string | number | boolean | null | undefined;

/** Marks a list that must be sent as a repeated plain key (`k=1&k=2`) instead of indexed keys. */
export interface RepeatedValues {
  readonly kind: 'repeated';
  readonly values: readonly FormScalar[];
}

export type FormValue = FormScalar | RepeatedValues | readonly FormValue[];

export type FormParams = Record<string, FormValue>;

/** Either a record (key order = insertion order) or explicit ordered pairs. */
export type FormInput = Readonly<FormParams> | readonly (readonly [string, FormValue])[];

export type FormPairs = [key: string, value: string][];

export function repeated(values: readonly FormScalar[]): RepeatedValues {
  return { kind: 'repeated', values };
}

function isRepeated(v: FormValue): v is RepeatedValues {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    (v as RepeatedValues).kind === 'repeated'
  );
}

function scalarToString(v: string | number | boolean): string {
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

function addValue(out: FormPairs, key: string, value: FormValue): void {
  if (value === undefined || value === null) return;
  if (isRepeated(value)) {
    for (const v of value.values)
      if (v !== undefined && v !== null) out.push([key, scalarToString(v)]);
    return;
  }
  if (Array.isArray(value)) {
    (value as readonly FormValue[]).forEach((item, i) => addValue(out, `${key}[${i}]`, item));
    return;
  }
  out.push([key, scalarToString(value as string | number | boolean)]);
}

/** Flatten params into ordered `[key, value]` pairs exactly as they go on the wire (unescaped). */
export function formPairs(input: FormInput): FormPairs {
  const out: FormPairs = [];
  const entries = Array.isArray(input)
    ? (input as readonly (readonly [string, FormValue])[])
    : Object.entries(input as Readonly<Record<string, FormValue>>);
  for (const [key, value] of entries) addValue(out, key, value);
  return out;
}

/**
 * Percent-encode one component for `application/x-www-form-urlencoded`. Brackets stay raw: the
 * server accepts both spellings, raw ones keep URLs short (≈300 ids fit in nginx's 8 KB limit)
 * and readable in logs and tests.
 */
function encodeComponent(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/%5B/g, '[').replace(/%5D/g, ']');
}

export function encodePairs(pairs: FormPairs): string {
  return pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
}

/** Encode params as a form body / query string (without the leading `?`). */
export function encodeForm(input: FormInput): string {
  return encodePairs(formPairs(input));
}
