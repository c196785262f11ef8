/**
 * One neuron's page: loads its full record once (compact-detail with history, tags, reviews and
 * links) and hands it to the sections. An unknown skeleton gets a plain message; any other
 * failure the inline error with Retry.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { skeletonHistoryQuery } from '../../api/skeleton-history.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { CatmaidError } from '../../lib/http/errors.ts';
import { arborAsOf, liveArbor } from '../../analysis/neuron/as-of.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { IdentitySection } from './IdentitySection.tsx';
import { SummarySection } from './SummarySection.tsx';
import { ReviewSection } from './ReviewSection.tsx';
import { TagsSection } from './TagsSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { useAsOf } from './use-as-of.ts';
import { MorphologySection } from './morphology/MorphologySection.tsx';

function isUnknownSkeleton(e: unknown): boolean {
  // compact-detail of a skeleton the project does not have: DRF 404 `{"detail": "Not found."}`.
  return e instanceof CatmaidError && e.status === 404;
}

export function NeuronPage({ skeletonId }: { skeletonId: number }) {
  const scope = useProjectScope();
  const history = useQuery(skeletonHistoryQuery(scope, skeletonId));
  const ids = useMemo(() => [skeletonId], [skeletonId]);
  const names = useQuery(neuronNamesQuery(scope, ids));
  const name = names.data?.get(skeletonId) ?? `skeleton ${skeletonId}`;
  const asOf = useAsOf();
  const versions = history.data?.versions;
  const live = useMemo(() => (versions ? liveArbor(versions) : null), [versions]);
  const shown = useMemo(
    () => (versions && asOf.time !== null ? arborAsOf(versions, asOf.time) : live),
    [versions, asOf.time, live],
  );

  if (history.isError && isUnknownSkeleton(history.error))
    return (
      <section className="stats-section" aria-labelledby="neuron-title">
        <h1 id="neuron-title">Neuron</h1>
        <p role="alert">
          This project has no skeleton {skeletonId}. It may have been deleted or merged into another
          neuron, or the link is for another project.
        </p>
      </section>
    );
  return (
    <>
      <h1 className="neuron-title" id="neuron-title">
        {name} <span className="hint">skeleton {skeletonId}</span>
      </h1>
      <QueryErrorMessage query={history} context={`Could not load skeleton ${skeletonId}`} />
      {history.isPending ? <p role="status">Loading skeleton {skeletonId}…</p> : null}
      <IdentitySection skeletonId={skeletonId} name={name} />
      {history.data && live && shown ? (
        <>
          <SummarySection
            skeletonId={skeletonId}
            history={history.data}
            arbor={shown}
            asOfDay={asOf.day}
          />
          <ReviewSection skeletonId={skeletonId} name={name} history={history.data} live={live} />
          <TagsSection skeletonId={skeletonId} name={name} history={history.data} live={live} />
          <HistorySection
            skeletonId={skeletonId}
            name={name}
            history={history.data}
            arbor={shown}
            asOf={asOf}
          />
          <MorphologySection skeletonId={skeletonId} />
        </>
      ) : null}
    </>
  );
}
