/** Which fact columns the search results show, remembered in this browser (localStorage). */
import { useState } from 'react';
import { SEARCH_FACTS } from './search-fact-columns.tsx';

const STORAGE_KEY = 'catmaid-dashboard:search-fact-columns';
const ORDER = SEARCH_FACTS.map((f) => f.id);

function read(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(raw)) return ORDER.filter((id) => raw.includes(id));
  } catch {
    // A garbled or unavailable store: none chosen.
  }
  return [];
}

export function useSearchFactChoice(): [string[], (id: string, on: boolean) => void] {
  const [chosen, setChosen] = useState<string[]>(read);
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = ORDER.filter((c) => (c === id ? on : prev.includes(c)));
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Private mode or a full store: the choice lasts for this page only.
      }
      return next;
    });
  return [chosen, toggle];
}
