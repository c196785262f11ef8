/** The results' status line: how many match, and why the table may show fewer. */
import { formatCount } from '../../../lib/format.ts';
import type { SearchResults } from './use-search-results.ts';

export function statusText(r: SearchResults, shown: number): string {
  const count = r.total ?? shown;
  const head = count === 1 ? '1 neuron matches' : `${formatCount(count)} neurons match`;
  if (r.loading && r.total !== null && r.loaded < r.total)
    return `${head} (loaded ${formatCount(r.loaded)} so far…)`;
  if (r.capped)
    return `${head} (showing the first ${formatCount(shown)}: narrow the search to see the rest)`;
  if (r.regionUntested > 0)
    return `${head} (${formatCount(r.regionUntested)} neurons in the volume's bounding box were not tested: narrow the search with other criteria to test them all)`;
  return head;
}
