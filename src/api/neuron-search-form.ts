/**
 * Builds the exact form of POST /{pid}/annotations/query-targets (API ref §3.1) from typed
 * search parameters. Pure, so the quirks below are pinned by unit tests.
 */
import { formPairs, repeated, type FormValue } from '../lib/http/encode-form.ts';
import { shiftIsoDay } from '../lib/http/timestamps.ts';

type NameMatch = 'substring' | 'exact' | 'regex';
type SearchEntityType = 'neuron' | 'annotation';
type SearchSortBy = 'id' | 'name' | 'annotated_on' | 'last_annotation_link_edit';
/** Annotation ids, or names with `annotationReference: 'name'`. */
type AnnotationRef = number | string;

export interface NeuronSearchParams {
  name?: string;
  /** Default substring (case-insensitive ILIKE). Regex = PostgreSQL POSIX regex. */
  nameMatch?: NameMatch;
  caseSensitive?: boolean;
  /** Invert the name filter. */
  nameNot?: boolean;
  /** AND of OR-sets: `[[a, b], [c]]` = (a OR b) AND c. Empty sets are ignored. */
  annotatedWith?: AnnotationRef[][];
  /** Each set excludes entities carrying any of its annotations. */
  notAnnotatedWith?: AnnotationRef[][];
  /** Expand annotatedWith sets with their transitive sub-annotations: one flag for all, or per set. */
  includeSubAnnotations?: boolean | boolean[];
  /** Same for notAnnotatedWith sets. */
  excludeSubAnnotations?: boolean | boolean[];
  /** How annotatedWith / notAnnotatedWith values are read. Default 'id'. */
  annotationReference?: 'id' | 'name';
  /** With 'name' references: unknown names give an empty result instead of HTTP 400. */
  ignoreNonexisting?: boolean;
  /** Only annotation links made by these users (applies to annotatedWith terms only). */
  annotatedBy?: number[];
  /** `YYYY-MM-DD`, inclusive; annotation-link creation date (applies to annotatedWith only). */
  annotationDateStart?: string;
  /**
   * `YYYY-MM-DD`, inclusive. CATMAID compares with midnight starting that day, so its end is
   * exclusive; the builder sends the next day so the user's end day is included.
   */
  annotationDateEnd?: string;
  /** Default ['neuron'] (CATMAID's own default mixes in annotations). */
  types?: SearchEntityType[];
  withAnnotations?: boolean;
  withTimestamps?: boolean;
  /** The time-based orders need timestamps: the builder turns withTimestamps on for them. */
  sortBy?: SearchSortBy;
  sortDir?: 'asc' | 'desc';
  /** Paging: CATMAID only pages when both are sent; rangeLength alone starts at 0. */
  rangeStart?: number;
  rangeLength?: number;
}

type Pairs = [string, FormValue][];

function flagFor(flags: boolean | boolean[] | undefined, i: number): boolean {
  return Array.isArray(flags) ? (flags[i] ?? false) : (flags ?? false);
}

function joinSet(set: readonly AnnotationRef[], byName: boolean): string {
  return set
    .map((v) => {
      const s = String(v).trim();
      // The server splits every value on commas: a name containing one cannot be expressed.
      if (byName && s.includes(','))
        throw new RangeError(`annotation name "${s}" contains a comma`);
      return s;
    })
    .join(',');
}

function annotationTerms(
  key: 'annotated_with' | 'not_annotated_with',
  sets: readonly AnnotationRef[][] | undefined,
  flags: boolean | boolean[] | undefined,
  byName: boolean,
  out: Pairs,
  sub: string[],
): void {
  let i = 0;
  (sets ?? []).forEach((set, setIndex) => {
    const values = set.filter((v) => String(v).trim() !== '');
    if (values.length === 0) return;
    const joined = joinSet(values, byName);
    out.push([`${key}[${i++}]`, joined]);
    // sub_annotated_with values must equal a term's value exactly to expand that term.
    if (flagFor(flags, setIndex)) sub.push(joined);
  });
}

function nameTerms(p: NeuronSearchParams, out: Pairs): void {
  if (p.name === undefined || p.name === '') return;
  const match = p.nameMatch ?? 'substring';
  // A leading '/' switches CATMAID to regex mode; the server strips exactly that one character.
  out.push(['name', match === 'regex' ? `/${p.name}` : p.name]);
  if (match === 'exact') out.push(['name_exact', true]);
  if (p.caseSensitive) out.push(['name_case_sensitive', true]);
  if (p.nameNot) out.push(['name_not', true]);
}

export function buildQueryTargetsForm(p: NeuronSearchParams): [string, string][] {
  const out: Pairs = [];
  nameTerms(p, out);

  const byName = p.annotationReference === 'name';
  const sub: string[] = [];
  annotationTerms('annotated_with', p.annotatedWith, p.includeSubAnnotations, byName, out, sub);
  annotationTerms(
    'not_annotated_with',
    p.notAnnotatedWith,
    p.excludeSubAnnotations,
    byName,
    out,
    sub,
  );
  sub.forEach((v, i) => out.push([`sub_annotated_with[${i}]`, v]));
  if (p.annotationReference) out.push(['annotation_reference', p.annotationReference]);
  if (p.ignoreNonexisting) out.push(['ignore_nonexisting', true]);

  // getlist() on the server: the indexed spelling is silently ignored here.
  if (p.annotatedBy?.length) out.push(['annotated_by', repeated(p.annotatedBy)]);
  if (p.annotationDateStart)
    out.push(['annotation_date_start', shiftIsoDay(p.annotationDateStart, 0)]);
  if (p.annotationDateEnd) out.push(['annotation_date_end', shiftIsoDay(p.annotationDateEnd, 1)]);

  out.push(['types', p.types ?? ['neuron']]);
  out.push(['with_annotations', p.withAnnotations ?? false]);
  const needsTimestamps = p.sortBy === 'annotated_on' || p.sortBy === 'last_annotation_link_edit';
  out.push(['with_timestamps', (p.withTimestamps ?? false) || needsTimestamps]);

  if (p.sortBy) out.push(['sort_by', p.sortBy]);
  if (p.sortDir) out.push(['sort_dir', p.sortDir]);
  if (p.rangeLength !== undefined) {
    out.push(['range_start', p.rangeStart ?? 0]);
    out.push(['range_length', p.rangeLength]);
  }
  // Expand lists and repeated values with the same rules the client's encoder uses.
  return formPairs(out);
}
