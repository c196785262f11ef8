/**
 * Provenance in the Neuron view's history section: was this skeleton imported from another
 * CATMAID (`skeletons/origin`), from which server, project and skeleton, and how many of its
 * nodes came with the import (`skeletons/import-info`, shared with the summary's entry).
 */
import { useQuery } from '@tanstack/react-query';
import { factsCsv } from '../../analysis/neuron/facts-csv.ts';
import type { SkeletonOrigin } from '../../api/skeleton-origin.ts';
import { originQuery } from '../../api/skeleton-origin.ts';
import { importInfoQuery } from '../../api/skeleton-provenance.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { formatCount } from '../../lib/format.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { FactList } from './FactList.tsx';
import { provenanceFacts, safeSourceUrl, sourceSkeletonUrl } from './provenance-facts.ts';

function OriginLine({ origin, imported }: { origin: SkeletonOrigin; imported?: number }) {
  const ds = origin.dataSource;
  const root = ds ? safeSourceUrl(ds.url) : null;
  const skeletonUrl = sourceSkeletonUrl(origin);
  return (
    <p role="status" aria-label="Origin">
      Imported from {ds?.name ?? `data source ${origin.dataSourceId}`} (
      {root ? (
        <a href={root.toString()} target="_blank" rel="noreferrer noopener">
          {ds?.url}
        </a>
      ) : (
        (ds?.url ?? 'server not listed')
      )}
      ), project {ds?.sourceProjectId ?? '?'}, skeleton{' '}
      {skeletonUrl ? (
        <a
          href={skeletonUrl}
          target="_blank"
          rel="noreferrer noopener"
          aria-label={`Open skeleton ${origin.sourceId} on the source server`}
        >
          {origin.sourceId}
        </a>
      ) : (
        origin.sourceId
      )}
      {imported !== undefined ? `; ${formatCount(imported)} nodes came with the import` : ''}
    </p>
  );
}

export function ProvenancePanel({ skeletonId }: { skeletonId: number }) {
  const scope = useProjectScope();
  const origin = useQuery(originQuery(scope, skeletonId));
  const imported = useQuery(importInfoQuery(scope, skeletonId));
  const facts = origin.isSuccess ? provenanceFacts(origin.data, imported.data) : [];
  return (
    <div className="provenance" role="group" aria-label="Provenance">
      <h3>Origin</h3>
      <QueryErrorMessage query={origin} context="Could not load the skeleton's origin" />
      <QueryErrorMessage query={imported} context="Could not load the import info" />
      {origin.isPending ? <p className="hint">Loading the origin…</p> : null}
      {origin.isSuccess ? (
        <>
          {origin.data ? (
            <OriginLine origin={origin.data} imported={imported.data} />
          ) : (
            <p role="status" aria-label="Origin">
              Traced here (no import record)
            </p>
          )}
          <ExportBar
            name="provenance"
            fileBase={`neuron-${skeletonId}-provenance`}
            actions={{ csv: () => factsCsv(facts) }}
          />
          <FactList facts={facts} label="Provenance" />
        </>
      ) : null}
    </div>
  );
}
