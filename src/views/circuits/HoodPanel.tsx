/**
 * N-hop neighbourhood of a set, upstream or downstream (or through gap junctions), with a
 * threshold per hop: a table per hop, a layered graph (seeds left), each hop addable to the
 * selection. Grown from partner tables (skeletons/connectivity) hop by hop.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import type { LinkType } from '../../api/connector-types.ts';
import { fetchLinkTypePartners } from '../../api/connectivity-link-type.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { projectKey, type ProjectScope } from '../../api/scope.ts';
import type { GraphEdge } from '../../analysis/graph-layout.ts';
import { layeredLayout } from '../../analysis/layered-layout.ts';
import {
  expandNeighbourhood,
  neighbourhoodCsv,
  type Direction,
} from '../../analysis/neighbourhood.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { NetworkSvg } from '../../components/plots/NetworkSvg.tsx';
import { circuitsFields, hopThresholds, type CircuitsUrlState } from '../../state/circuits-url.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { clampInt } from '../../lib/url-fields.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { HopTable } from './HopTable.tsx';
import { effectiveLinkType, LinkTypeSelect } from './LinkTypeSelect.tsx';
import { SetPicker } from './SetPicker.tsx';
import { serializeSvg, svgPng } from './svg-figure.ts';
import { useNeuronSet } from './use-neuron-set.ts';

interface Props {
  state: CircuitsUrlState;
  onState: (patch: Partial<CircuitsUrlState>) => void;
  colors: ReadonlyMap<number, string>;
  linkTypes: readonly LinkType[];
}

const W = 960;
const H = 560;

function hoodQuery(
  scope: ProjectScope,
  q: {
    seeds: number[];
    thresholds: number[];
    linkType: string;
    direction: Direction;
    minConfidence: number;
  },
) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'circuit-neighbourhood', q] as const,
    queryFn: ({ signal }) =>
      expandNeighbourhood(
        q.seeds,
        q.thresholds,
        (ids) => fetchLinkTypePartners(scope, ids, q.linkType, q.direction, { signal }),
        q.minConfidence,
      ),
  });
}

export function HoodPanel({ state, onState, colors, linkTypes }: Props) {
  const scope = useProjectScope();
  const add = useSelection((s) => s.add);
  const seeds = useNeuronSet(state.hoodSeeds);
  const linkType = effectiveLinkType(state.linkType, linkTypes);
  const reciprocal = linkType !== 'synaptic';
  const thresholds = hopThresholds(state.hoodThresholds, state.hoodHops);
  const query = useQuery({
    ...hoodQuery(scope, {
      seeds: [...seeds.ids].sort((a, b) => a - b),
      thresholds,
      linkType,
      direction: state.hoodDirection,
      minConfidence: state.minConfidence,
    }),
    enabled: seeds.ids.length > 0 && !seeds.pending,
  });
  const hops = useMemo(() => query.data ?? [], [query.data]);
  const all = useMemo(
    () => [...seeds.ids, ...hops.flatMap((h) => h.members.map((m) => m.id))],
    [seeds.ids, hops],
  );
  const names = useQuery(neuronNamesQuery(scope, all));
  const nameMap = useMemo(() => names.data ?? new Map<number, string>(), [names.data]);
  const svgRef = useRef<SVGSVGElement>(null);
  const graph = useMemo(() => {
    const layers = new Map<number, number>(seeds.ids.map((id) => [id, 0]));
    const edges: GraphEdge[] = [];
    for (const h of hops)
      for (const m of h.members) {
        layers.set(m.id, h.hop);
        for (const [other, n] of m.from)
          edges.push(
            state.hoodDirection === 'upstream' && !reciprocal
              ? { source: m.id, target: other, weight: n }
              : { source: other, target: m.id, weight: n },
          );
      }
    const maxW = Math.max(1, ...edges.map((e) => e.weight));
    const seedSet = new Set(seeds.ids);
    const unit = reciprocal ? 'links' : 'synapses';
    return {
      nodes: layeredLayout(layers, edges, W, H).map((p) => ({
        ...p,
        label: nameMap.get(p.id) ?? String(p.id),
        color: colors.get(p.id) ?? '#aab2bb',
        emphasis: seedSet.has(p.id),
      })),
      edges: edges.map((e) => ({
        source: e.source,
        target: e.target,
        width: Math.max(0.75, (6 * e.weight) / maxW),
        title: `${nameMap.get(e.source) ?? e.source} → ${nameMap.get(e.target) ?? e.target}: ${e.weight} ${unit}`,
      })),
    };
  }, [hops, seeds.ids, nameMap, colors, state.hoodDirection, reciprocal]);

  return (
    <section className="circuit-panel" aria-label="Neighbourhood">
      <div className="set-pickers">
        <SetPicker
          label="Seeds"
          value={state.hoodSeeds}
          onChange={(v) => onState({ hoodSeeds: v })}
          set={seeds}
        />
      </div>
      <form
        className="partner-controls"
        aria-label="Neighbourhood options"
        onSubmit={(e) => e.preventDefault()}
      >
        <LinkTypeSelect
          value={linkType}
          types={linkTypes}
          onChange={(v) => onState({ linkType: v })}
        />
        {reciprocal ? null : (
          <label>
            Direction
            <select
              value={state.hoodDirection}
              onChange={(e) =>
                onState({
                  hoodDirection: e.target.value === 'upstream' ? 'upstream' : 'downstream',
                })
              }
            >
              <option value="downstream">downstream</option>
              <option value="upstream">upstream</option>
            </select>
          </label>
        )}
        <label>
          Hops
          <input
            type="number"
            min={1}
            max={5}
            value={state.hoodHops}
            onChange={(e) =>
              onState({ hoodHops: clampInt(circuitsFields.hoodHops, e.target.value) })
            }
          />
        </label>
        <label>
          Min synapses per hop (comma-separated)
          <input
            type="text"
            value={state.hoodThresholds}
            placeholder="e.g. 3, 2"
            onChange={(e) => onState({ hoodThresholds: e.target.value })}
          />
        </label>
        <label>
          Min confidence
          <input
            type="number"
            min={1}
            max={5}
            value={state.minConfidence}
            onChange={(e) =>
              onState({ minConfidence: clampInt(circuitsFields.minConfidence, e.target.value) })
            }
          />
        </label>
        <p className="hint">
          Thresholds used: {thresholds.join(', ')}. A neuron joins a hop with that many from one
          single neuron of the hop before (CATMAID&apos;s rule).
        </p>
      </form>
      <QueryErrorMessage query={query} context="Neighbourhood failed" />
      <QueryErrorMessage query={names} context="Neuron names failed" />
      <p role="status" aria-label="Neighbourhood summary">
        {seeds.ids.length === 0
          ? 'Choose the seed neurons.'
          : query.isPending
            ? 'Growing the neighbourhood…'
            : `${hops.reduce((s, h) => s + h.members.length, 0)} neurons in ${hops.length} hops`}
      </p>
      {query.data ? (
        <>
          <ExportBar
            name="neighbourhood"
            fileBase="neighbourhood"
            defaultSize={{ width: W, height: H }}
            actions={{
              svg: async (w, h) => serializeSvg(svgRef.current, w, h),
              png: async (w, h) => svgPng(svgRef.current, w, h),
              csv: () =>
                neighbourhoodCsv(hops, reciprocal ? 'downstream' : state.hoodDirection, nameMap),
            }}
          />
          <div className="graph-frame">
            <NetworkSvg
              nodes={graph.nodes}
              edges={graph.edges}
              width={W}
              height={H}
              label="Neighbourhood graph, seeds on the left"
              svgRef={svgRef}
            />
          </div>
          {hops.map((h) => (
            <HopTable key={h.hop} hop={h} names={nameMap} colors={colors} onAdd={add} />
          ))}
        </>
      ) : null}
    </section>
  );
}
