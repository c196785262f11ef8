/**
 * Section 1, identity and annotations: name, skeleton and neuron ids, and every annotation with
 * who linked it and when (`annotations/query-targets` with timestamps: the exact-name search
 * returns the neuron entity with its annotation links), meta-annotations as breadcrumbs (from the
 * same annotation hierarchy the Search view's browser reads), each linked to a search by it.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { neuronSearchQuery } from '../../api/neuron-search.ts';
import { breadcrumbs } from '../../analysis/neuron/annotation-breadcrumbs.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useUserNames } from '../stats/use-user-names.ts';
import { annotationColumns, type AnnotationRow } from './identity-columns.tsx';

export function IdentitySection({ skeletonId, name }: { skeletonId: number; name: string }) {
  const scope = useProjectScope();
  const userName = useUserNames();
  const known = !name.startsWith('skeleton ');
  const entity = useQuery({
    ...neuronSearchQuery(scope, {
      name,
      nameMatch: 'exact',
      caseSensitive: true,
      types: ['neuron'],
      withAnnotations: true,
      withTimestamps: true,
    }),
    enabled: known,
  });
  const hierarchy = useQuery(
    neuronSearchQuery(scope, { types: ['annotation'], withAnnotations: true }),
  );
  const neuron = entity.data?.entities.find((e) => e.skeletonIds.includes(skeletonId));
  const rows: AnnotationRow[] = useMemo(() => {
    if (!neuron) return [];
    const parentsOf = new Map<number, number[]>();
    const nameOf = new Map<number, string>();
    for (const a of hierarchy.data?.entities ?? []) {
      parentsOf.set(
        a.id,
        a.annotations.map((m) => m.id),
      );
      nameOf.set(a.id, a.name);
      for (const m of a.annotations) nameOf.set(m.id, m.name);
    }
    return neuron.annotations.map((a) => ({
      id: a.id,
      name: a.name,
      userId: a.uid,
      user: userName(a.uid),
      linkedAt: a.creationTime,
      breadcrumbs: breadcrumbs(a.id, parentsOf)
        .filter((chain) => chain.length > 1)
        .map((chain) => chain.map((id) => nameOf.get(id) ?? `#${id}`).join(' › ')),
    }));
  }, [neuron, hierarchy.data, userName]);
  const table = useDataTable({
    data: rows,
    columns: annotationColumns,
    getRowId: (r) => r.id,
    initialSort: { id: 'name', desc: false },
  });
  const csv = () => tableCsv(annotationColumns, displayedRows(table));
  return (
    <section className="stats-section" aria-labelledby="identity-title">
      <h2 id="identity-title">Identity and annotations</h2>
      <dl className="fact-list" aria-label="Identity">
        <div>
          <dt>Name</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>Skeleton id</dt>
          <dd>{skeletonId}</dd>
        </div>
        <div>
          <dt>Neuron id</dt>
          <dd>{neuron ? neuron.id : entity.isPending && known ? '…' : '–'}</dd>
        </div>
      </dl>
      <QueryErrorMessage query={entity} context="Could not load the neuron's annotations" />
      <QueryErrorMessage query={hierarchy} context="Could not load the meta-annotations" />
      {neuron ? (
        <>
          <p role="status" aria-label="Annotation count">
            {rows.length} annotations
          </p>
          <ExportBar
            name="annotations"
            fileBase={`neuron-${skeletonId}-annotations`}
            actions={{ csv }}
          />
          <DataTable table={table} label="Annotations of this neuron" />
        </>
      ) : entity.isSuccess ? (
        <p className="empty-note">The annotation search did not return this neuron.</p>
      ) : null}
    </section>
  );
}
