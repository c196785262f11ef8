/**
 * "Neuron facts": the selection as a sortable, exportable table of per-neuron facts, with a
 * column chooser (remembered). Each source is asked only when one of its columns is shown, and
 * every fact is cached per skeleton (see fact-columns.tsx for where each comes from).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { reviewStatusQuery } from '../../../api/review-status.ts';
import { skeletonSummariesQuery } from '../../../api/skeleton-summary.ts';
import { ExportBar } from '../../../components/plots/ExportBar.tsx';
import { DataTable } from '../../../components/table/DataTable.tsx';
import { tableCsv } from '../../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../../components/table/use-data-table.ts';
import { skeletonFactsMapQuery } from '../../../workers/skeleton-facts-query.ts';
import { QueryErrorMessage } from '../../shared/QueryErrorMessage.tsx';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { FACT_COLUMNS, factTableColumns, type FactRow, type FactSource } from './fact-columns.tsx';
import { useFactColumnChoice } from './use-fact-column-choice.ts';

interface Props {
  skeletonIds: readonly number[];
  nameOf(skeletonId: number): { name: string };
}

const SOURCE_NOTE: Record<FactSource, string> = {
  summary: 'skeleton summaries',
  review: 'review status',
  skeleton: 'loads each skeleton, as 3D does',
};

function FactsTable({ skeletonIds, nameOf, chosen }: Props & { chosen: string[] }) {
  const scope = useProjectScope();
  const needs = new Set(FACT_COLUMNS.filter((c) => chosen.includes(c.id)).map((c) => c.source));
  const summaryOptions = useMemo(
    () => skeletonSummariesQuery(scope, skeletonIds),
    [scope, skeletonIds],
  );
  const reviewOptions = useMemo(() => reviewStatusQuery(scope, skeletonIds), [scope, skeletonIds]);
  const factOptions = useMemo(
    () => skeletonFactsMapQuery(scope, skeletonIds),
    [scope, skeletonIds],
  );
  const summaries = useQuery({ ...summaryOptions, enabled: needs.has('summary') });
  const reviews = useQuery({ ...reviewOptions, enabled: needs.has('review') });
  const facts = useQuery({ ...factOptions, enabled: needs.has('skeleton') });
  const rows: FactRow[] = useMemo(
    () =>
      skeletonIds.map((id) => ({
        skeletonId: id,
        name: nameOf(id).name,
        summary: summaries.data?.get(id),
        review: reviews.data?.get(id),
        facts: facts.data?.get(id),
      })),
    [skeletonIds, nameOf, summaries.data, reviews.data, facts.data],
  );
  const columns = useMemo(() => factTableColumns(chosen), [chosen]);
  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (r) => r.skeletonId,
    initialSort: { id: 'name', desc: false },
  });
  const loading = [summaries, reviews, facts].some((q) => q.isFetching);
  return (
    <>
      <QueryErrorMessage query={summaries} context="Skeleton summaries" />
      <QueryErrorMessage query={reviews} context="Review status" />
      <QueryErrorMessage query={facts} context="Skeletons" />
      <p role="status" aria-label="Facts status">
        {loading ? 'Loading facts…' : `${rows.length} neurons`}
      </p>
      <ExportBar
        name="neuron facts"
        fileBase="neuron-facts"
        actions={{ csv: () => tableCsv(columns, displayedRows(table)) }}
      />
      <DataTable table={table} label="Neuron facts" maxHeight={360} rowHeight={28} />
    </>
  );
}

export function SelectionFacts({ skeletonIds, nameOf }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [chosen, toggle] = useFactColumnChoice();
  return (
    <section className="sel-facts" aria-label="Neuron facts">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen((o) => !o)}
      >
        Neuron facts
      </button>
      {open ? (
        <div id={`${id}-body`}>
          <fieldset className="sel-facts-columns">
            <legend>Columns</legend>
            {FACT_COLUMNS.map((c) => (
              <label key={c.id} title={`From ${SOURCE_NOTE[c.source]}`}>
                <input
                  type="checkbox"
                  checked={chosen.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
          <FactsTable skeletonIds={skeletonIds} nameOf={nameOf} chosen={chosen} />
        </div>
      ) : null}
    </section>
  );
}
