/**
 * Network graph of the sources (and optionally their top partners): nodes in the selection
 * colours, edge width proportional to synapses, a threshold, SVG / PNG export. The layout is
 * computed from deferred inputs, so React paints the controls first.
 */
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Connectivity } from '../../api/connectivity.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { layoutGraph } from '../../analysis/graph-layout.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { NetworkSvg, type NetworkNode } from '../../components/plots/NetworkSvg.tsx';
import { NeuronPageLinks } from '../shared/NeuronPageLinks.tsx';
import { svgToPng } from '../../components/plots/download.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { graphEdges, topPartners } from './graph-model.ts';
import type { PartnerFilterState } from './PartnerControls.tsx';
import { useSynapseHighlight } from './use-synapse-highlight.ts';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useLinkTypeMatrix } from './use-link-type-matrix.ts';

interface Props {
  sources: readonly number[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  connectivity: Connectivity | undefined;
  filter: PartnerFilterState;
}

const W = 900;
const H = 620;
const PARTNER_COLOR = '#aab2bb';

function serialize(svg: SVGSVGElement | null, width: number, height: number): string {
  if (!svg) throw new Error('the graph is not drawn yet');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function GraphPanel({ sources, names, colors, connectivity, filter }: Props) {
  const scope = useProjectScope();
  const [top, setTop] = useState(5);
  const [threshold, setThreshold] = useState(2);
  const svgRef = useRef<SVGSVGElement>(null);
  const highlight = useSynapseHighlight();
  const partners = useMemo(
    () => topPartners(connectivity, { ...filter, sources }, top),
    [connectivity, filter, sources, top],
  );
  const ids = useMemo(() => [...sources, ...partners], [sources, partners]);
  const partnerNames = useQuery(neuronNamesQuery(scope, partners));
  const matrix = useLinkTypeMatrix(ids);
  const edges = useMemo(
    () => graphEdges(matrix.data, ids, threshold),
    [matrix.data, ids, threshold],
  );
  const deferred = useDeferredValue({ ids, edges });
  const positions = useMemo(() => layoutGraph(deferred.ids, deferred.edges, W, H), [deferred]);
  const allNames = new Map([...(partnerNames.data ?? []), ...names]);
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const isSource = new Set(sources);
  const nodes: NetworkNode[] = positions.map((p) => ({
    ...p,
    label: allNames.get(p.id) ?? String(p.id),
    color: colors.get(p.id) ?? PARTNER_COLOR,
    emphasis: isSource.has(p.id),
  }));
  const netEdges = deferred.edges.map((e) => ({
    source: e.source,
    target: e.target,
    width: Math.max(0.75, (8 * e.weight) / maxWeight),
    title: `${allNames.get(e.source) ?? e.source} → ${allNames.get(e.target) ?? e.target}: ${e.weight} synapses`,
  }));
  const stale = deferred.edges !== edges;

  return (
    <section className="graph-panel" aria-label="Network graph">
      <form
        className="partner-controls"
        aria-label="Graph options"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Top partners
          <select value={top} onChange={(e) => setTop(Number(e.target.value))}>
            {[0, 5, 10, 20, 40].map((n) => (
              <option key={n} value={n}>
                {n === 0 ? 'none (selection only)' : n}
              </option>
            ))}
          </select>
        </label>
        <label>
          Edge threshold (min synapses)
          <input
            type="number"
            min={1}
            value={threshold}
            onChange={(e) => setThreshold(Math.max(1, Math.floor(Number(e.target.value)) || 1))}
          />
        </label>
        <p className="hint">
          Partners follow the partner-table filters. Click an edge to see its synapses in 3D.
        </p>
      </form>
      <QueryErrorMessage query={matrix} context="Graph edges failed" />
      {highlight.error ? (
        <ErrorMessage
          error={highlight.error}
          context="Synapses for 3D failed"
          onRetry={highlight.retry}
          retrying={highlight.pending}
        />
      ) : null}
      <ExportBar
        name="graph"
        fileBase="network-graph"
        disabled={!matrix.data}
        defaultSize={{ width: W, height: H }}
        actions={{
          svg: async (w, h) => serialize(svgRef.current, w, h),
          png: async (w, h) => svgToPng(serialize(svgRef.current, w, h), w, h),
        }}
      />
      <p role="status" aria-label="Graph summary">
        {matrix.isPending
          ? 'Loading edges…'
          : `${nodes.length} neurons · ${netEdges.length} edges${stale ? ' (laying out…)' : ''}`}
      </p>
      <div className="graph-frame" aria-busy={matrix.isPending || stale}>
        <NetworkSvg
          nodes={nodes}
          edges={netEdges}
          width={W}
          height={H}
          label="Network graph of the selection"
          svgRef={svgRef}
          onEdgeClick={(e) =>
            highlight.show([e.source], [e.target], e.title.replace(/: \d+ synapses$/, ''))
          }
        />
      </div>
      <NeuronPageLinks ids={ids} names={allNames} what="graph neurons" />
    </section>
  );
}
