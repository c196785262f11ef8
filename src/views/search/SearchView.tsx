import { useQuery } from '@tanstack/react-query';
import { neuronSearchQuery } from '../../api/neuron-search.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { SearchForm } from './SearchForm.tsx';
import { SearchResults } from './SearchResults.tsx';
import { SEARCH_PAGE_SIZE, searchParamsFromUrl } from './search-params.ts';

export function SearchView() {
  const scope = useProjectScope();
  const search = useUrlStore((s) => s.state.search);
  const update = useUrlStore((s) => s.update);
  const selectedIds = useSelection((s) => s.items.map((i) => i.skeletonId));
  const addToSelection = useSelection((s) => s.add);
  const built = searchParamsFromUrl(search);
  const params = 'params' in built ? built.params : null;
  const results = useQuery({
    ...neuronSearchQuery(scope, params ?? { types: ['neuron'] }),
    enabled: params !== null,
  });

  return (
    <div className="view search-view">
      <h1 className="visually-hidden">Neuron search</h1>
      {/* Remount the form when the URL changes (back/forward) so its fields show that search. */}
      <SearchForm
        key={`${search.name}|${search.caseSensitive}|${search.exact}`}
        initial={search}
        busy={results.isFetching}
        onSearch={(next) => update((s) => ({ ...s, search: { ...next, page: 0 } }))}
      />
      {'problem' in built ? (
        <p role="alert" className="field-error">
          {built.problem}
        </p>
      ) : null}
      {results.isPending && params ? <p role="status">Searching…</p> : null}
      {results.isError ? <ErrorMessage error={results.error} context="The search failed" /> : null}
      {results.data ? (
        <SearchResults
          key={JSON.stringify(params)}
          entities={results.data.entities}
          total={results.data.total}
          page={search.page}
          pageSize={SEARCH_PAGE_SIZE}
          onPage={(page) => update((s) => ({ ...s, search: { ...s.search, page } }))}
          onAddToSelection={addToSelection}
          selectedSkeletonIds={new Set(selectedIds)}
        />
      ) : null}
    </div>
  );
}
