/** Upstream and downstream partner tables of the chosen sources. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Connectivity } from '../../api/connectivity.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { reviewedPercent, reviewStatusQuery } from '../../api/review-status.ts';
import { skeletonAnnotationsQuery } from '../../api/skeleton-annotations.ts';
import { buildPartnerTable, type PartnerRow } from '../../analysis/partner-table.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { PartnerControls, type PartnerFilterState } from './PartnerControls.tsx';
import { PartnerTableSection } from './PartnerTableSection.tsx';
import { useSynapseHighlight } from './use-synapse-highlight.ts';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';

interface Props {
  connectivity: Connectivity;
  sources: readonly number[];
  sourceNames: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  filter: PartnerFilterState;
  onFilter: (f: PartnerFilterState) => void;
  /** A reciprocal link type (gap junctions, …): one table of `connectivity.upstream`, so titled. */
  reciprocalTitle?: string;
}

export function PartnersPanel({
  connectivity,
  sources,
  sourceNames,
  colors,
  filter,
  onFilter,
  reciprocalTitle,
}: Props) {
  const scope = useProjectScope();
  const add = useSelection((s) => s.add);
  const partnerIds = useMemo(
    () => [
      ...new Set([...connectivity.upstream, ...connectivity.downstream].map((p) => p.partnerId)),
    ],
    [connectivity],
  );
  const names = useQuery(neuronNamesQuery(scope, partnerIds));
  const review = useQuery(reviewStatusQuery(scope, partnerIds));
  const wantsAnnotations = filter.textTarget === 'annotation' && filter.text.trim() !== '';
  const annotations = useQuery({
    ...skeletonAnnotationsQuery(scope, partnerIds),
    enabled: wantsAnnotations,
  });
  const reviewed = useMemo(
    () => new Map([...(review.data ?? new Map())].map(([k, v]) => [k, reviewedPercent(v)])),
    [review.data],
  );
  const lookups = useMemo(
    () => ({
      names: new Map([...sourceNames, ...(names.data ?? new Map<number, string>())]),
      ...(annotations.data ? { annotations: annotations.data } : {}),
    }),
    [names.data, sourceNames, annotations.data],
  );
  const full = { ...filter, sources };
  const up = buildPartnerTable(connectivity.upstream, full, lookups);
  const down = buildPartnerTable(connectivity.downstream, full, lookups);
  const highlight = useSynapseHighlight();
  const { show } = highlight;
  const sourceLabel =
    sources.length === 1
      ? (sourceNames.get(sources[0] ?? 0) ?? 'source')
      : `${sources.length} sources`;
  const showUp = useCallback(
    (r: PartnerRow) => show([r.partnerId], sources, `${r.name} → ${sourceLabel}`),
    [show, sources, sourceLabel],
  );
  const showDown = useCallback(
    (r: PartnerRow) => show(sources, [r.partnerId], `${sourceLabel} → ${r.name}`),
    [show, sources, sourceLabel],
  );
  const common = { names: lookups.names, colors, reviewed, onAdd: add, busy3d: highlight.pending };
  return (
    <div className="partners-panel">
      <PartnerControls value={filter} onChange={onFilter} />
      <QueryErrorMessage query={names} context="Partner names failed" />
      <QueryErrorMessage query={review} context="Review status failed" />
      <QueryErrorMessage query={annotations} context="Partner annotations failed" />
      {wantsAnnotations && annotations.isPending ? (
        <p role="status">Loading partner annotations…</p>
      ) : null}
      {highlight.error ? (
        <ErrorMessage
          error={highlight.error}
          context="Synapses for 3D failed"
          onRetry={highlight.retry}
          retrying={highlight.pending}
        />
      ) : null}
      <div className="partner-tables">
        {reciprocalTitle ? (
          <PartnerTableSection
            direction="upstream"
            title={reciprocalTitle}
            table={up}
            onShow3d={showUp}
            {...common}
          />
        ) : (
          <>
            <PartnerTableSection direction="upstream" table={up} onShow3d={showUp} {...common} />
            <PartnerTableSection
              direction="downstream"
              table={down}
              onShow3d={showDown}
              {...common}
            />
          </>
        )}
      </div>
    </div>
  );
}
