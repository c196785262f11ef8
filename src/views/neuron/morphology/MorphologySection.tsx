/**
 * Section 6 of the Neuron view: the neuron as a tree. A dendrogram (soma at the root, branch
 * lengths to scale, synapses marked, short twigs collapsible), synapse placement along the arbor
 * (pre vs post), the Strahler order distribution and the Sholl profile, each exportable (SVG,
 * PNG, CSV). Computed in the morphology worker from the compact-detail the app caches.
 */
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Morphology } from '../../../analysis/morphology/morphology.ts';
import {
  shollCsv,
  strahlerCsv,
  synapsePlacementCsv,
} from '../../../analysis/morphology/morphology-csv.ts';
import { ExportableChart } from '../../../components/plots/ExportableChart.tsx';
import { formatCount, formatMicrons } from '../../../lib/format.ts';
import { morphologyQuery } from '../../../workers/morphology-query.ts';
import { QueryErrorMessage } from '../../shared/QueryErrorMessage.tsx';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { DendrogramFigure } from './DendrogramFigure.tsx';
import { shollFigure, strahlerFigure, synapsePlacementFigure } from './morphology-figures.ts';
import './morphology.css';

const SOMA_TEXT = {
  tag: 'soma (tagged "soma")',
  radius: 'soma (largest radius)',
  none: 'no soma found: measured from the root',
} as const;

/** A non-negative number of µm from an input, in nm (anything else: 0). */
const nmOf = (text: string) => {
  const v = Number(text);
  return Number.isFinite(v) && v > 0 ? Math.round(v * 1000) : 0;
};

function Summary({ m }: { m: Morphology }) {
  return (
    <p role="status" aria-label="Morphology summary">
      {SOMA_TEXT[m.somaRule]} · {formatCount(m.nodeCount)} nodes · {formatCount(m.branchPoints)}{' '}
      branch points · {formatCount(m.leaves)} end nodes · {formatMicrons(m.cable)} cable · longest
      path {formatMicrons(m.maxPathDistance)} · max Strahler order {m.maxStrahler} ·{' '}
      {formatCount(m.synapses.pre.length)} presynapses · {formatCount(m.synapses.post.length)}{' '}
      postsynapses
    </p>
  );
}

export function MorphologySection({ skeletonId }: { skeletonId: number }) {
  const scope = useProjectScope();
  const id = useId();
  const [collapseText, setCollapseText] = useState('0');
  const [shollText, setShollText] = useState('0');
  const collapseBelow = useDeferredValue(nmOf(collapseText));
  const shollStep = useDeferredValue(nmOf(shollText));
  const options = useMemo(() => ({ collapseBelow, shollStep }), [collapseBelow, shollStep]);
  const query = useQuery({
    ...morphologyQuery(scope, skeletonId, options),
    placeholderData: (previous) => previous,
  });
  const m = query.data;
  const originLabel = m && m.somaRule !== 'none' ? 'soma' : 'root';
  const figures = useMemo(
    () =>
      m
        ? {
            placement: synapsePlacementFigure(m.synapses, originLabel),
            strahler: strahlerFigure(m.strahler),
            sholl: shollFigure(m.sholl, originLabel),
          }
        : null,
    [m, originLabel],
  );
  return (
    <section className="morph-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Morphology</h2>
      <div className="morph-controls">
        <label htmlFor={`${id}-collapse`}>Collapse twigs shorter than (µm)</label>
        <input
          id={`${id}-collapse`}
          type="number"
          min={0}
          step="any"
          value={collapseText}
          onChange={(e) => setCollapseText(e.target.value)}
        />
        <label htmlFor={`${id}-sholl`}>Sholl step (µm, 0 = automatic)</label>
        <input
          id={`${id}-sholl`}
          type="number"
          min={0}
          step="any"
          value={shollText}
          onChange={(e) => setShollText(e.target.value)}
        />
      </div>
      <QueryErrorMessage query={query} context="Morphology failed" />
      {!m || !figures ? (
        query.isError ? null : (
          <p role="status">Computing the morphology…</p>
        )
      ) : (
        <>
          <Summary m={m} />
          <DendrogramFigure
            skeletonId={skeletonId}
            dendrogram={m.dendrogram}
            originLabel={originLabel}
          />
          {m.dendrogram.collapsedTwigs > 0 ? (
            <p aria-label="Collapsed twigs">
              {formatCount(m.dendrogram.collapsedTwigs)} twigs collapsed (their synapses are drawn
              at the branch point).
            </p>
          ) : null}
          <div className="morph-figure">
            <h3>Synapse placement</h3>
            <ExportableChart
              name="synapse placement"
              fileBase={`synapse-placement-${skeletonId}`}
              data={figures.placement.data}
              layout={figures.placement.layout}
              height={320}
              csv={() => synapsePlacementCsv(m.synapses)}
            />
          </div>
          <div className="morph-figure">
            <h3>Strahler order distribution</h3>
            <ExportableChart
              name="Strahler orders"
              fileBase={`strahler-${skeletonId}`}
              data={figures.strahler.data}
              layout={figures.strahler.layout}
              height={300}
              csv={() => strahlerCsv(m.strahler)}
            />
          </div>
          <div className="morph-figure">
            <h3>Sholl profile</h3>
            <ExportableChart
              name="Sholl profile"
              fileBase={`sholl-${skeletonId}`}
              data={figures.sholl.data}
              layout={figures.sholl.layout}
              height={300}
              csv={() => shollCsv(m.sholl)}
            />
          </div>
        </>
      )}
    </section>
  );
}
