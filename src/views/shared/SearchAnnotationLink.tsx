/** "Search neurons annotated with <name>": a link to the Search view with that one term. */
import type { MouseEvent } from 'react';
import { defaultSearchState } from '../../state/search-url.ts';
import { defaultUrlState, serializeUrlState, type UrlState } from '../../state/url-state.ts';
import { useUrlStore } from '../../state/url-store.ts';

function searchState(state: UrlState, name: string): UrlState {
  return {
    ...state,
    view: 'search',
    search: { ...defaultSearchState, annotations: [{ name, not: false, sub: false }] },
  };
}

export function SearchAnnotationLink({ name }: { name: string }) {
  const update = useUrlStore((s) => s.update);
  // Like NeuronPageLink: the href carries only the project and the search, not the selection.
  const projectId = useUrlStore((s) => s.state.projectId);
  const href = serializeUrlState(searchState({ ...defaultUrlState, projectId }, name));
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    update((s) => searchState(s, name), 'push');
  };
  return (
    <a href={href || '?'} aria-label={`Search neurons annotated with ${name}`} onClick={open}>
      {name}
    </a>
  );
}
