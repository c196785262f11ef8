/** Which fact columns the user chose, remembered in this browser (localStorage). */
import { useState } from 'react';
import { DEFAULT_FACT_COLUMNS, FACT_COLUMNS } from './fact-columns.tsx';

const STORAGE_KEY = 'catmaid-dashboard:selection-fact-columns';
const KNOWN = new Set(FACT_COLUMNS.map((c) => c.id));

function read(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(raw))
      return raw.filter((v): v is string => typeof v === 'string' && KNOWN.has(v));
  } catch {
    // A garbled or unavailable store: the defaults.
  }
  return DEFAULT_FACT_COLUMNS;
}

export function useFactColumnChoice(): [string[], (id: string, on: boolean) => void] {
  const [chosen, setChosen] = useState<string[]>(read);
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const set = new Set(prev);
      if (on) set.add(id);
      else set.delete(id);
      const next = FACT_COLUMNS.map((c) => c.id).filter((c) => set.has(c));
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Private mode or a full store: the choice lasts for this page only.
      }
      return next;
    });
  return [chosen, toggle];
}
