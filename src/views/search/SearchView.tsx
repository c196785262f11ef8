import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { skeletonSummariesQuery } from '../../api/skeleton-summary.ts';
import { useSelection } from '../../state/selection-context.tsx';
import type { SearchUrlState } from '../../state/search-url.ts';
import { useUrlStore } from '../../state/url-store.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { AnnotationBrowser } from './browser/AnnotationBrowser.tsx';
import { SearchForm } from './SearchForm.tsx';
import { ResultsPanel } from './results/ResultsPanel.tsx';
import { resolveSearch } from './results/resolve-criteria.ts';
import { useSearchResults } from './results/use-search-results.ts';
import { useSearchInputs } from './use-search-inputs.ts';
import { NodeLookup } from './node-lookup/NodeLookup.tsx';

function sameSearch(a: SearchUrlState, b: SearchUrlState): boolean {
  return JSON.stringify({ ...a, sort: null }) === JSON.stringify({ ...b, sort: null });
}

export function SearchView() {
  const scope = useProjectScope();
  const queryClient = useQueryClient();
  const search = useUrlStore((s) => s.state.search);
  const update = useUrlStore((s) => s.update);
  const inputs = useSearchInputs(scope);
  const [browserOpen, setBrowserOpen] = useState(false);
  const needsAnnotations = search.annotations.length > 0;
  const resolved = useMemo(
    () =>
      needsAnnotations && !inputs.annotationIds
        ? null
        : resolveSearch(search, inputs.annotationIds),
    [search, needsAnnotations, inputs.annotationIds],
  );
  const runnable = resolved && resolved.problems.length === 0 ? resolved : null;
  const results = useSearchResults(scope, runnable);
  // Only once all pages are in: the summaries' key holds every id, and building and hashing it
  // for 50,000 ids on every render while pages stream blocked the main thread.
  const skids = useMemo(
    () => (results.loading ? [] : (results.rows?.map((r) => r.skeletonId) ?? [])),
    [results.rows, results.loading],
  );
  // Kept: its key (50,000 ids, sorted) is built and hashed once, not on every render.
  const summariesOptions = useMemo(() => skeletonSummariesQuery(scope, skids), [scope, skids]);
  const summaries = useQuery({
    ...summariesOptions,
    enabled: skids.length > 0 && !results.loading,
  });
  const selectionIds = useSelection((s) => s.items.map((i) => i.skeletonId));
  const addToSelection = useSelection((s) => s.add);
  const formKey = JSON.stringify({ ...search, sort: null });

  return (
    <div className="view search-view">
      <h1 className="visually-hidden">Neuron search</h1>
      <div className="search-top">
        {/* Remount the form when the URL changes (back/forward) so its fields show that search. */}
        {inputs.usersSettled ? (
          <SearchForm
            key={formKey}
            initial={search}
            busy={results.loading}
            annotationOptions={inputs.annotationOptions}
            userOptions={inputs.userOptions}
            onSearch={(next) => {
              // A failed answer is never served from the cache (a successful one may be): drop
              // the inactive failed queries, so going back to an earlier search asks again, and
              // for the same search again (nothing in the URL changes) repeat what failed.
              queryClient.removeQueries({
                predicate: (q) => q.state.status === 'error' && q.getObserversCount() === 0,
              });
              if (sameSearch(next, search)) {
                if (results.error) results.retry();
                if (inputs.error) inputs.retry();
              }
              update((s) => ({ ...s, search: next }));
            }}
          />
        ) : (
          <p role="status">Loading users…</p>
        )}
        <button
          type="button"
          className="browser-toggle"
          aria-expanded={browserOpen}
          onClick={() => setBrowserOpen((o) => !o)}
        >
          Annotation browser
        </button>
      </div>
      <NodeLookup />
      {browserOpen ? (
        <AnnotationBrowser
          onPick={(name) =>
            update((s) => ({
              ...s,
              search: {
                ...s.search,
                name: '',
                annotations: [{ name, not: false, sub: true }],
                annotatedBy: [],
                dateFrom: null,
                dateTo: null,
                skeletonIds: [],
                connectivity: null,
              },
            }))
          }
        />
      ) : null}
      {resolved?.problems.length ? (
        <ul role="alert" className="field-error">
          {resolved.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {inputs.error ? (
        <ErrorMessage
          error={inputs.error}
          context="Could not load annotations and users"
          onRetry={inputs.retry}
        />
      ) : null}
      {results.error ? (
        <ErrorMessage
          error={results.error}
          context="The search failed"
          onRetry={results.retry}
          retrying={results.loading}
        />
      ) : null}
      {results.notFound.length ? (
        <p role="alert" className="field-error">
          Not found on this server: {results.notFound.length === 1 ? 'skeleton' : 'skeletons'}{' '}
          {results.notFound.slice(0, 10).join(', ')}
          {results.notFound.length > 10 ? ` and ${results.notFound.length - 10} more` : ''}
        </p>
      ) : null}
      {results.rows === null && results.loading ? <p role="status">Searching…</p> : null}
      {results.rows ? (
        <ResultsPanel
          key={JSON.stringify({ ...search, sort: null })}
          results={results}
          summaries={summaries.data}
          usersById={inputs.usersById}
          sort={search.sort}
          onSort={(column) =>
            update(
              (s) => ({
                ...s,
                search: {
                  ...s.search,
                  sort: {
                    column,
                    dir:
                      s.search.sort?.column === column && s.search.sort.dir === 'asc'
                        ? 'desc'
                        : 'asc',
                  },
                },
              }),
              'replace',
            )
          }
          inSelection={new Set(selectionIds)}
          onAddToSelection={addToSelection}
        />
      ) : null}
    </div>
  );
}
