import type { NeuronSearchParams } from '../../api/neuron-search.ts';
import type { SearchUrlState } from '../../state/url-state.ts';
import { parseNameQuery } from './name-query.ts';

export const SEARCH_PAGE_SIZE = 200;

/** The query-targets request for the URL's search state, or an inline problem to show instead. */
export function searchParamsFromUrl(
  state: SearchUrlState,
): { params: NeuronSearchParams } | { problem: string } {
  const name = parseNameQuery(state.name, state.exact);
  if (name.kind === 'invalid') return { problem: name.message };
  const base: NeuronSearchParams = {
    types: ['neuron'],
    withAnnotations: true,
    sortBy: 'name',
    sortDir: 'asc',
    rangeStart: state.page * SEARCH_PAGE_SIZE,
    rangeLength: SEARCH_PAGE_SIZE,
  };
  if (name.kind === 'empty') return { params: base };
  return {
    params: {
      ...base,
      name: name.kind === 'regex' ? name.pattern : name.text,
      nameMatch: name.kind,
      caseSensitive: state.caseSensitive,
    },
  };
}
