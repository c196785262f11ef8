/**
 * Turns the URL's search into what to ask the server: a query-targets search (name, annotation
 * rows, annotator, dates), an explicit skeleton id set, and/or a connectivity criterion. Pure, so
 * the exact requests are pinned by unit tests. Problems are named for the user, never thrown.
 */
import type { NeuronSearchParams } from '../../../api/neuron-search.ts';
import type { ConnectivityTerm, SearchUrlState } from '../../../state/search-url.ts';
import { hasCriteria } from '../../../state/search-url.ts';
import type { RegionTerm } from '../../../state/search-region-url.ts';
import { parseNameQuery } from '../name-query.ts';

export interface ResolvedSearch {
  /** query-targets parameters (without paging); null when only id / connectivity criteria apply. */
  targets: NeuronSearchParams | null;
  /** Explicit skeleton ids the result must be among. */
  skeletonIds: number[] | null;
  connectivity: ConnectivityTerm | null;
  /** "Has … in volume V, at least k": an exact mesh test on bounding-box candidates. */
  region: RegionTerm | null;
  problems: string[];
}

export function resolveSearch(
  state: SearchUrlState,
  annotationIds: ReadonlyMap<string, number> | undefined,
): ResolvedSearch {
  const problems: string[] = [];
  const targets: NeuronSearchParams = {
    types: ['neuron'],
    withAnnotations: true,
    sortBy: 'name',
    sortDir: 'asc',
  };
  let hasTargets = false;

  const name = parseNameQuery(state.name, state.exact);
  if (name.kind === 'invalid') problems.push(name.message);
  else if (name.kind !== 'empty') {
    hasTargets = true;
    targets.name = name.kind === 'regex' ? name.pattern : name.text;
    targets.nameMatch = name.kind;
    if (state.caseSensitive) targets.caseSensitive = true;
  }

  const include: number[][] = [];
  const includeSub: boolean[] = [];
  const exclude: number[][] = [];
  const excludeSub: boolean[] = [];
  for (const term of state.annotations) {
    const id = annotationIds?.get(term.name);
    if (annotationIds && id === undefined) {
      problems.push(`Unknown annotation: "${term.name}"`);
      continue;
    }
    if (id === undefined) continue;
    (term.not ? exclude : include).push([id]);
    (term.not ? excludeSub : includeSub).push(term.sub);
  }
  if (include.length) {
    targets.annotatedWith = include;
    targets.includeSubAnnotations = includeSub;
  }
  if (exclude.length) {
    targets.notAnnotatedWith = exclude;
    targets.excludeSubAnnotations = excludeSub;
  }
  hasTargets ||= include.length > 0 || exclude.length > 0;

  const datesOrAnnotator =
    state.annotatedBy.length > 0 || state.dateFrom !== null || state.dateTo !== null;
  if (datesOrAnnotator) {
    // CATMAID applies annotator and dates to the links of the annotated-with terms only.
    if (state.annotations.some((t) => !t.not)) {
      if (state.annotatedBy.length) targets.annotatedBy = state.annotatedBy;
      if (state.dateFrom) targets.annotationDateStart = state.dateFrom;
      if (state.dateTo) targets.annotationDateEnd = state.dateTo;
    } else {
      problems.push(
        'Annotator and annotation dates filter annotation links: add an annotation row (e.g. "cell type" with sub-annotations) for them to apply to.',
      );
    }
  }
  if (state.dateFrom && state.dateTo && state.dateFrom > state.dateTo) {
    problems.push(
      `The annotation date range ends (${state.dateTo}) before it starts (${state.dateFrom}).`,
    );
  }

  const skeletonIds = state.skeletonIds.length ? state.skeletonIds : null;
  const onlySets =
    !hasTargets && (skeletonIds !== null || state.connectivity !== null || state.region !== null);
  return {
    // No criterion at all lists every neuron (paged).
    targets: onlySets ? null : hasTargets || !hasCriteria(state) ? targets : null,
    skeletonIds,
    connectivity: state.connectivity,
    region: state.region,
    problems,
  };
}
