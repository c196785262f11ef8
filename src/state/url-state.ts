/**
 * The shareable part of the dashboard state, kept in the page URL's query string.
 *
 * Schema (all keys optional; anything missing or garbled falls back to a safe default, never
 * throws):
 *   view   search | 3d | connectivity | stats           (default search)
 *   pid    CATMAID project id, integer                   (default: server default / first project)
 *   q      neuron name query; `/…/` means a regular expression
 *   cs     1 = case-sensitive name match
 *   exact  1 = exact name match
 *   page   results page, integer ≥ 0
 */
export const VIEWS = ['search', '3d', 'connectivity', 'stats'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface SearchUrlState {
  name: string;
  caseSensitive: boolean;
  exact: boolean;
  page: number;
}

export interface UrlState {
  view: ViewName;
  projectId: number | null;
  search: SearchUrlState;
}

export const defaultSearchState: SearchUrlState = {
  name: '',
  caseSensitive: false,
  exact: false,
  page: 0,
};
export const defaultUrlState: UrlState = {
  view: 'search',
  projectId: null,
  search: defaultSearchState,
};

const MAX_QUERY_LENGTH = 2000;

function parseView(raw: string | null): ViewName {
  return VIEWS.find((v) => v === raw) ?? 'search';
}

function parseNonNegativeInt(raw: string | null, max = Number.MAX_SAFE_INTEGER): number | null {
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  const value = Number(raw);
  return value <= max ? value : null;
}

/** CATMAID project ids are integers; some installs have a project -1. */
function parseProjectId(raw: string | null): number | null {
  if (raw === null || !/^-?\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

function parseFlag(raw: string | null): boolean {
  return raw === '1' || raw === 'true';
}

export function parseUrlState(search: string): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return defaultUrlState;
  }
  return {
    view: parseView(params.get('view')),
    projectId: parseProjectId(params.get('pid')),
    search: {
      name: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
      caseSensitive: parseFlag(params.get('cs')),
      exact: parseFlag(params.get('exact')),
      page: parseNonNegativeInt(params.get('page'), 1_000_000) ?? 0,
    },
  };
}

export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.view !== 'search') params.set('view', state.view);
  if (state.projectId !== null) params.set('pid', String(state.projectId));
  const { name, caseSensitive, exact, page } = state.search;
  if (name) params.set('q', name);
  if (caseSensitive) params.set('cs', '1');
  if (exact) params.set('exact', '1');
  if (page > 0) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
