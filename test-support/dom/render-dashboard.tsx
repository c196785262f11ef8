/**
 * Renders a view inside what the dashboard's shell gives it (see src/app/Shell.tsx): a query
 * client, the URL store (from the page URL the test sets), the CATMAID scope of demo project 1
 * (answered by the MSW handlers of `test-support/msw`) and a selection store. Tests then find elements by role and
 * label, as a user (and the e2e tests) would.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { configure, render, type RenderResult } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { SelectionProvider, useSelectionStore } from '../../src/state/selection-context.tsx';
import { UrlStateProvider } from '../../src/state/url-context.tsx';
import { CatmaidScopeProvider } from '../../src/views/shared/catmaid-scope.tsx';
import { testQueryClient, testScope } from '../msw/scope.ts';

// findBy…/waitFor give up after 1 s by default: too short for a whole view answered through MSW
// on a busy machine (the tests share two cores). A real failure still fails, just later.
configure({ asyncUtilTimeout: 10_000 });

interface Options {
  /** Skeleton ids in the selection before the first render. */
  selection?: readonly number[];
  /** The page's query string (e.g. `view=connectivity&cmin=3`); default: none. */
  url?: string;
}

interface DashboardRender extends RenderResult {
  queryClient: QueryClient;
}

/** Puts the given ids into the store once, before the view below it first renders. */
function SeedSelection({ ids, children }: { ids: readonly number[]; children: ReactNode }) {
  const store = useSelectionStore();
  useState(() => {
    if (ids.length > 0) store.getState().add(ids);
    return null;
  });
  return children;
}

export function renderWithDashboard(ui: ReactNode, options: Options = {}): DashboardRender {
  const query = options.url ? `?${options.url}` : '';
  // The URL store reads the page URL when its provider mounts (one store per render).
  window.history.replaceState(null, '', `/${query}`);
  const queryClient = testQueryClient();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <UrlStateProvider>
        <CatmaidScopeProvider scope={testScope()}>
          <SelectionProvider storageKey={null}>
            <SeedSelection ids={options.selection ?? []}>{ui}</SeedSelection>
          </SelectionProvider>
        </CatmaidScopeProvider>
      </UrlStateProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
