/**
 * Paths from set A to set B: at most N hops, each of at least M synapses. Candidates from
 * graph/dps (or the partner tables), paths enumerated from their connectivity matrix; a sortable
 * list, a layered graph (A left, B right), "add to the selection" and "show synapses in 3D".
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { LinkType } from '../../api/connector-types.ts';
import { connectivityMatrixQuery } from '../../api/connectivity-matrix.ts';
import { linkTypePartnersQuery } from '../../api/connectivity-link-type.ts';
import { adjacencyFromPartners } from '../../analysis/rect-matrix.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import {
  findPaths,
  pathEdges,
  pathLayers,
  pathNeurons,
  undirected,
} from '../../analysis/circuit-paths.ts';
import { layeredLayout } from '../../analysis/layered-layout.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { NetworkSvg } from '../../components/plots/NetworkSvg.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { tableCsv } from '../../components/table/table-export.ts';
import { displayedRows, useDataTable } from '../../components/table/use-data-table.ts';
import { circuitsFields, type CircuitsUrlState } from '../../state/circuits-url.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { clampInt } from '../../lib/url-fields.ts';
import { formatCount } from '../../lib/format.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { pathCandidatesQuery } from './path-candidates.ts';
import { pathColumns, type PathRow } from './path-columns.tsx';
import { SetPicker } from './SetPicker.tsx';
import { serializeSvg, svgPng } from './svg-figure.ts';
import { useNeuronSet } from './use-neuron-set.ts';
import { usePathHighlight } from './use-path-highlight.ts';
import { effectiveLinkType, LinkTypeSelect } from './LinkTypeSelect.tsx';

interface Props {
  state: CircuitsUrlState;
  onState: (patch: Partial<CircuitsUrlState>) => void;
  colors: ReadonlyMap<number, string>;
  linkTypes: readonly LinkType[];
}

const W = 960;
const H = 560;
const OTHER = '#aab2bb';

export function PathsPanel({ state, onState, colors, linkTypes }: Props) {
  const scope = useProjectScope();
  const add = useSelection((s) => s.add);
  const a = useNeuronSet(state.pathsA);
  const b = useNeuronSet(state.pathsB);
  const linkType = effectiveLinkType(state.linkType, linkTypes);
  const reciprocal = linkTypes.find((t) => t.id === linkType && t.relation !== null) ?? null;
  const input = useMemo(
    () => ({
      sources: a.ids,
      targets: b.ids,
      maxHops: state.pathHops,
      minSynapses: state.pathMin,
      linkType,
    }),
    [a.ids, b.ids, state.pathHops, state.pathMin, linkType],
  );
  const ready = a.ids.length > 0 && b.ids.length > 0 && !a.pending && !b.pending;
  const candidates = useQuery({ ...pathCandidatesQuery(scope, input), enabled: ready });
  const ids = candidates.data?.ids ?? [];
  const synaptic = useQuery({
    ...connectivityMatrixQuery(scope, ids, ids),
    enabled: ids.length > 0 && reciprocal === null,
  });
  // Gap junctions and other reciprocal types: counts from their partner tables, undirected.
  const other = useQuery({
    ...linkTypePartnersQuery(scope, ids, linkType, 'upstream'),
    enabled: ids.length > 0 && reciprocal !== null,
    select: (partners) => undirected(adjacencyFromPartners(partners, ids)),
  });
  const matrix = reciprocal ? other : synaptic;
  const names = useQuery(neuronNamesQuery(scope, [...new Set([...ids, ...a.ids, ...b.ids])]));
  const nameMap = useMemo(() => names.data ?? new Map<number, string>(), [names.data]);
  const result = useMemo(
    () => (matrix.data ? findPaths(matrix.data, input) : null),
    [matrix.data, input],
  );
  const rows: PathRow[] = useMemo(
    () => (result?.paths ?? []).map((p, i) => ({ ...p, id: i })),
    [result],
  );
  const columns = useMemo(() => pathColumns(nameMap), [nameMap]);
  const model = useDataTable({
    data: rows,
    columns,
    getRowId: (r) => r.id,
    initialSort: { id: 'weakest', desc: true },
  });
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const picked = rows.filter((r) => checked.has(r.id));
  const chosen = picked.length > 0 ? picked : rows;
  const highlight = usePathHighlight();
  const svgRef = useRef<SVGSVGElement>(null);
  const graph = useMemo(() => {
    const edges = pathEdges(chosen);
    const layers = pathLayers(chosen, a.ids, b.ids);
    const maxW = Math.max(1, ...edges.map((e) => e.weight));
    const src = new Set(a.ids);
    const tgt = new Set(b.ids);
    return {
      nodes: layeredLayout(layers, edges, W, H).map((p) => ({
        ...p,
        label: nameMap.get(p.id) ?? String(p.id),
        color: colors.get(p.id) ?? OTHER,
        emphasis: src.has(p.id) || tgt.has(p.id),
      })),
      edges: edges.map((e) => ({
        source: e.source,
        target: e.target,
        width: Math.max(0.75, (8 * e.weight) / maxW),
        title: `${nameMap.get(e.source) ?? e.source} → ${nameMap.get(e.target) ?? e.target}: ${e.weight} synapses`,
      })),
    };
  }, [chosen, a.ids, b.ids, nameMap, colors]);
  const status = !ready
    ? a.pending || b.pending
      ? 'Finding the neurons of A and B…'
      : 'Choose neurons for A and B.'
    : candidates.isPending || (ids.length > 0 && matrix.isPending)
      ? 'Searching paths…'
      : result
        ? `${formatCount(result.paths.length)} paths${result.truncated ? ' (stopped at the limit)' : ''} through ${formatCount(pathNeurons(result.paths).length)} neurons · candidates via ${candidates.data?.via ?? ''}`
        : '';
  const toggle = (id: number, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };

  return (
    <section className="circuit-panel" aria-label="Paths">
      <div className="set-pickers">
        <SetPicker
          label="From (A)"
          value={state.pathsA}
          onChange={(v) => onState({ pathsA: v })}
          set={a}
        />
        <SetPicker
          label="To (B)"
          value={state.pathsB}
          onChange={(v) => onState({ pathsB: v })}
          set={b}
        />
      </div>
      <form
        className="partner-controls"
        aria-label="Path options"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Max hops
          <input
            type="number"
            min={1}
            max={6}
            value={state.pathHops}
            onChange={(e) =>
              onState({ pathHops: clampInt(circuitsFields.pathHops, e.target.value) })
            }
          />
        </label>
        <label>
          Min synapses per hop
          <input
            type="number"
            min={1}
            value={state.pathMin}
            onChange={(e) => onState({ pathMin: clampInt(circuitsFields.pathMin, e.target.value) })}
          />
        </label>
        <LinkTypeSelect
          value={linkType}
          types={linkTypes}
          onChange={(id) => onState({ linkType: id })}
        />
        <p className="hint">
          {reciprocal
            ? `Paths follow ${reciprocal.label.toLowerCase()} (undirected: a hop may go either way) and stop at the first neuron of B.`
            : 'Paths follow chemical synapses (pre → post) and stop at the first neuron of B.'}
        </p>
      </form>
      <QueryErrorMessage query={candidates} context="Path search failed" />
      <QueryErrorMessage query={matrix} context="Path connectivity failed" />
      <QueryErrorMessage query={names} context="Neuron names failed" />
      <p role="status" aria-label="Path summary">
        {status}
      </p>
      {result && rows.length > 0 ? (
        <>
          <div className="section-bar">
            <button type="button" onClick={() => add(pathNeurons(chosen))}>
              Add {picked.length > 0 ? 'chosen' : 'all'} path neurons to the selection
            </button>
            <button
              type="button"
              disabled={highlight.isPending}
              onClick={() =>
                highlight.mutate({
                  paths: chosen,
                  ...(reciprocal?.relation ? { relation: reciprocal.relation } : {}),
                  label: `${chosen.length} path${chosen.length === 1 ? '' : 's'} ${a.ids.length === 1 ? (nameMap.get(a.ids[0] ?? 0) ?? 'A') : 'A'} → ${b.ids.length === 1 ? (nameMap.get(b.ids[0] ?? 0) ?? 'B') : 'B'}`,
                })
              }
            >
              {highlight.isPending ? 'Loading synapses…' : 'Show path synapses in 3D'}
            </button>
            <ExportBar
              name="paths"
              fileBase="paths"
              actions={{ csv: () => tableCsv(columns, displayedRows(model)) }}
            />
          </div>
          {highlight.error ? (
            <ErrorMessage
              error={highlight.error}
              context="Synapses for 3D failed"
              onRetry={() => highlight.variables && highlight.mutate(highlight.variables)}
            />
          ) : null}
          <DataTable
            table={model}
            label="Paths"
            maxHeight={320}
            selection={{
              isSelected: (r) => checked.has(r.id),
              onToggle: (r, _i, on) => toggle(r.id, on),
              rowLabel: (r) => `path ${r.id + 1}`,
              selectAll: {
                label: 'Choose all paths',
                checked: rows.length > 0 && picked.length === rows.length,
                disabled: rows.length === 0,
                onChange: (on) => setChecked(on ? new Set(rows.map((r) => r.id)) : new Set()),
              },
            }}
          />
          <h2 className="figure-title">
            Path graph ({picked.length > 0 ? `${picked.length} chosen paths` : 'all paths'})
          </h2>
          <ExportBar
            name="path graph"
            fileBase="path-graph"
            defaultSize={{ width: W, height: H }}
            actions={{
              svg: async (w, h) => serializeSvg(svgRef.current, w, h),
              png: async (w, h) => svgPng(svgRef.current, w, h),
            }}
          />
          <div className="graph-frame">
            <NetworkSvg
              nodes={graph.nodes}
              edges={graph.edges}
              width={W}
              height={H}
              label="Layered path graph, A on the left, B on the right"
              svgRef={svgRef}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
