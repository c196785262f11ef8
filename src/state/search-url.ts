/**
 * The search part of the URL (see url-state.ts for the whole schema). Every search lives in the
 * URL so back/forward step through searches and a shared link reproduces one.
 *
 *   q      neuron name; `/…/` means a regular expression
 *   cs     1 = case-sensitive name match          exact  1 = exact name match
 *   a      annotation term, repeatable: `<flags>:<name>`, flags ⊂ {n = NOT, s = with sub-annotations}
 *   by     annotator user id, repeatable           from, to   annotation dates YYYY-MM-DD (inclusive)
 *   ids    skeleton ids, comma-separated
 *   rel    up | down (upstream / downstream of …)  of   neuron:<skeleton id> | annotation:<name>
 *   min    minimum synapse count for rel (≥ 1)
 *   sort   result column, dir asc | desc
 *   inv, inw, ink  "has nodes/synapses/… in volume, at least k": see search-region-url.ts
 */
import { parseRegionTerm, writeRegionTerm, type RegionTerm } from './search-region-url.ts';

export interface AnnotationTerm {
  name: string;
  not: boolean;
  sub: boolean;
}

type PartnerSource = { kind: 'neuron'; skeletonId: number } | { kind: 'annotation'; name: string };

export interface ConnectivityTerm {
  direction: 'upstream' | 'downstream';
  source: PartnerSource;
  minSynapses: number;
}

export interface SearchSort {
  column: string;
  dir: 'asc' | 'desc';
}

export interface SearchUrlState {
  name: string;
  caseSensitive: boolean;
  exact: boolean;
  annotations: AnnotationTerm[];
  annotatedBy: number[];
  dateFrom: string | null;
  dateTo: string | null;
  skeletonIds: number[];
  connectivity: ConnectivityTerm | null;
  sort: SearchSort | null;
  region: RegionTerm | null;
}

export const defaultSearchState: SearchUrlState = {
  name: '',
  caseSensitive: false,
  exact: false,
  annotations: [],
  annotatedBy: [],
  dateFrom: null,
  dateTo: null,
  skeletonIds: [],
  connectivity: null,
  sort: null,
  region: null,
};

const MAX_TEXT = 2000;
const MAX_TERMS = 20;
const MAX_IDS = 100_000;
const ID = /^\d{1,16}$/;

function flag(raw: string | null): boolean {
  return raw === '1' || raw === 'true';
}

function isoDay(raw: string | null): string | null {
  if (raw === null || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? raw : null;
}

function annotationTerm(raw: string): AnnotationTerm | null {
  const colon = raw.indexOf(':');
  const flags = colon >= 0 ? raw.slice(0, colon) : '';
  const name = (colon >= 0 ? raw.slice(colon + 1) : raw).trim().slice(0, MAX_TEXT);
  if (!name || !/^[ns]*$/.test(flags)) return null;
  return { name, not: flags.includes('n'), sub: flags.includes('s') };
}

function partnerSource(raw: string | null): PartnerSource | null {
  if (!raw) return null;
  const colon = raw.indexOf(':');
  const kind = raw.slice(0, colon);
  const value = raw.slice(colon + 1).trim();
  if (kind === 'neuron' && ID.test(value)) return { kind: 'neuron', skeletonId: Number(value) };
  if (kind === 'annotation' && value) return { kind: 'annotation', name: value.slice(0, MAX_TEXT) };
  return null;
}

function connectivityTerm(params: URLSearchParams): ConnectivityTerm | null {
  const rel = params.get('rel');
  const source = partnerSource(params.get('of'));
  if ((rel !== 'up' && rel !== 'down') || !source) return null;
  const min = params.get('min');
  const minSynapses = min !== null && /^\d{1,6}$/.test(min) && Number(min) >= 1 ? Number(min) : 1;
  return { direction: rel === 'up' ? 'upstream' : 'downstream', source, minSynapses };
}

export function parseSearchUrl(params: URLSearchParams): SearchUrlState {
  const sortColumn = params.get('sort');
  const dir = params.get('dir');
  return {
    name: (params.get('q') ?? '').slice(0, MAX_TEXT),
    caseSensitive: flag(params.get('cs')),
    exact: flag(params.get('exact')),
    annotations: params
      .getAll('a')
      .map(annotationTerm)
      .filter((t): t is AnnotationTerm => t !== null)
      .slice(0, MAX_TERMS),
    annotatedBy: params
      .getAll('by')
      .filter((v) => ID.test(v))
      .map(Number)
      .slice(0, MAX_TERMS),
    dateFrom: isoDay(params.get('from')),
    dateTo: isoDay(params.get('to')),
    skeletonIds: [
      ...new Set(
        (params.get('ids') ?? '')
          .split(',')
          .filter((v) => ID.test(v))
          .map(Number),
      ),
    ].slice(0, MAX_IDS),
    connectivity: connectivityTerm(params),
    region: parseRegionTerm(params),
    sort:
      sortColumn && /^[a-z_]{1,32}$/.test(sortColumn)
        ? { column: sortColumn, dir: dir === 'desc' ? 'desc' : 'asc' }
        : null,
  };
}

export function writeSearchUrl(state: SearchUrlState, params: URLSearchParams): void {
  if (state.name) params.set('q', state.name);
  if (state.caseSensitive) params.set('cs', '1');
  if (state.exact) params.set('exact', '1');
  for (const t of state.annotations)
    params.append('a', `${t.not ? 'n' : ''}${t.sub ? 's' : ''}:${t.name}`);
  for (const id of state.annotatedBy) params.append('by', String(id));
  if (state.dateFrom) params.set('from', state.dateFrom);
  if (state.dateTo) params.set('to', state.dateTo);
  if (state.skeletonIds.length) params.set('ids', state.skeletonIds.join(','));
  const c = state.connectivity;
  if (c) {
    params.set('rel', c.direction === 'upstream' ? 'up' : 'down');
    params.set(
      'of',
      c.source.kind === 'neuron' ? `neuron:${c.source.skeletonId}` : `annotation:${c.source.name}`,
    );
    if (c.minSynapses > 1) params.set('min', String(c.minSynapses));
  }
  writeRegionTerm(state.region, params);
  if (state.sort) {
    params.set('sort', state.sort.column);
    params.set('dir', state.sort.dir);
  }
}

/** True when the search has any criterion (else it lists every neuron). */
export function hasCriteria(s: SearchUrlState): boolean {
  return Boolean(
    s.name ||
    s.annotations.length ||
    s.annotatedBy.length ||
    s.dateFrom ||
    s.dateTo ||
    s.skeletonIds.length ||
    s.connectivity ||
    s.region,
  );
}
