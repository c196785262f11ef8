/**
 * "Most similar to this neuron": pick one neuron of the matrix, see every other one ranked by
 * its score against it (forward, reverse, mean), with CSV export.
 */
import { useId, useMemo, useState } from 'react';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { mostSimilarColumns, type MostSimilarRow } from './most-similar-columns.tsx';

interface Props {
  ids: readonly number[];
  names: readonly string[];
  colors: readonly string[];
  /** forward[i][j] = i as query against j. */
  forward: readonly (readonly number[])[];
  fileBase: string;
}

export function MostSimilar({ ids, names, colors, forward, fileBase }: Props) {
  const id = useId();
  const [query, setQuery] = useState(0);
  const q = Math.min(query, ids.length - 1);
  const rows = useMemo<MostSimilarRow[]>(
    () =>
      ids.flatMap((sid, j) => {
        if (j === q) return [];
        const fwd = forward[q]?.[j] ?? 0;
        const rev = forward[j]?.[q] ?? 0;
        return [
          {
            skeletonId: sid,
            name: names[j] ?? String(sid),
            color: colors[j] ?? '#888888',
            forward: fwd,
            reverse: rev,
            mean: (fwd + rev) / 2,
          },
        ];
      }),
    [ids, names, colors, forward, q],
  );
  const table = useDataTable({
    data: rows,
    columns: mostSimilarColumns,
    getRowId: (r) => r.skeletonId,
    initialSort: { id: 'mean', desc: true },
  });
  return (
    <section className="most-similar" aria-label="Most similar neurons">
      <label htmlFor={`${id}-q`}>Most similar to</label>
      <select id={`${id}-q`} value={q} onChange={(e) => setQuery(Number(e.target.value))}>
        {ids.map((sid, i) => (
          <option key={sid} value={i}>
            {names[i] ?? sid}
          </option>
        ))}
      </select>
      <ExportBar
        name="most similar neurons"
        fileBase={`${fileBase}-most-similar-${ids[q] ?? ''}`}
        actions={{ csv: () => tableCsv(mostSimilarColumns, displayedRows(table)) }}
      />
      <DataTable
        table={table}
        label={`Neurons most similar to ${names[q] ?? ''}`}
        empty="No other neuron."
      />
    </section>
  );
}
