/**
 * Section 2, summary (pymaid `summary`, `has_soma`, `get_cable_lengths`, `get_import_info`):
 * computed from the tree shown (now, or as of the history slider's date) plus the server's
 * `skeletons/summary` (creation, last edition and editor: always the current state).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArborNode } from '../../analysis/neuron/arbor.ts';
import { factsCsv } from '../../analysis/neuron/facts-csv.ts';
import { summarizeArbor } from '../../analysis/neuron/neuron-summary.ts';
import type { SkeletonHistory } from '../../api/skeleton-history.ts';
import { importInfoQuery } from '../../api/skeleton-provenance.ts';
import { skeletonSummariesQuery } from '../../api/skeleton-summary.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useUserNames } from '../stats/use-user-names.ts';
import { FactList } from './FactList.tsx';
import { endOfDay } from './use-as-of.ts';
import { summaryFacts } from './summary-facts.ts';

interface Props {
  skeletonId: number;
  history: SkeletonHistory;
  arbor: readonly ArborNode[];
  asOfDay: string | null;
}

export function SummarySection({ skeletonId, history, arbor, asOfDay }: Props) {
  const scope = useProjectScope();
  const userName = useUserNames();
  const ids = useMemo(() => [skeletonId], [skeletonId]);
  const server = useQuery(skeletonSummariesQuery(scope, ids));
  const imported = useQuery(importInfoQuery(scope, skeletonId));
  const summary = useMemo(() => {
    const soma = new Set(history.tags.filter((t) => t.tag === 'soma').map((t) => t.nodeId));
    const until = asOfDay ? endOfDay(asOfDay) : Infinity;
    // A link made after the date did not exist then (its time is its creation).
    const links = history.connectors.filter((l) => !(l.createdAt > until));
    return summarizeArbor(arbor, soma, links);
  }, [arbor, history, asOfDay]);
  const facts = summaryFacts(summary, server.data?.get(skeletonId), imported.data, userName);
  return (
    <section className="stats-section" aria-labelledby="summary-title">
      <h2 id="summary-title">Summary{asOfDay ? ` as of ${asOfDay}` : ''}</h2>
      {asOfDay ? (
        <p className="hint">
          Counts are of the neuron at the end of {asOfDay} (UTC), from its edit history; created and
          last edited are the server&apos;s current values.
        </p>
      ) : null}
      <QueryErrorMessage query={server} context="Could not load the skeleton summary" />
      <QueryErrorMessage query={imported} context="Could not load the import info" />
      <ExportBar
        name="summary"
        fileBase={`neuron-${skeletonId}-summary${asOfDay ? `-${asOfDay}` : ''}`}
        actions={{ csv: () => factsCsv(facts) }}
      />
      <FactList facts={facts} label="Summary" />
    </section>
  );
}
