/**
 * Rectangular connectivity matrix: sources × targets chosen independently, optionally grouped by
 * cell type (sum / mean / max), raw counts or fraction of the target's input, ordered by name,
 * group or clustering (dendrograms beside), any link type; CSV / SVG / PNG export.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LinkType } from '../../api/connector-types.ts';
import { connectivityMatrixQuery } from '../../api/connectivity-matrix.ts';
import { linkTypePartnersQuery } from '../../api/connectivity-link-type.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import {
  adjacencyFromPartners,
  buildRectMatrix,
  clusterProfiles,
  groupLabelOrder,
  inputTotals,
  labelOrder,
  permute,
  rectMatrixCsv,
} from '../../analysis/rect-matrix.ts';
import { ExportableChart } from '../../components/plots/ExportableChart.tsx';
import type { CircuitsUrlState } from '../../state/circuits-url.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { effectiveLinkType, LinkTypeSelect } from './LinkTypeSelect.tsx';
import { MetaSelect } from './MetaSelect.tsx';
import { QueryErrors } from './QueryErrors.tsx';
import { rectMatrixFigure } from './rect-matrix-figure.ts';
import { SetPicker } from './SetPicker.tsx';
import { useGroups } from './use-groups.ts';
import { useNeuronSet } from './use-neuron-set.ts';

interface Props {
  state: CircuitsUrlState;
  onState: (patch: Partial<CircuitsUrlState>) => void;
  linkTypes: readonly LinkType[];
}

export function RectMatrixPanel({ state, onState, linkTypes }: Props) {
  const scope = useProjectScope();
  const rows = useNeuronSet(state.matrixRows);
  const cols = useNeuronSet(state.matrixCols);
  const linkType = effectiveLinkType(state.linkType, linkTypes);
  const reciprocal = linkType !== 'synaptic';
  const enabled = rows.ids.length > 0 && cols.ids.length > 0 && !rows.pending && !cols.pending;
  const synaptic = useQuery({
    ...connectivityMatrixQuery(scope, rows.ids, cols.ids),
    enabled: enabled && !reciprocal,
  });
  const rowPartners = useQuery({
    ...linkTypePartnersQuery(scope, rows.ids, linkType, 'downstream'),
    enabled: enabled && reciprocal,
  });
  const fraction = state.matrixValue === 'fraction';
  const targetUp = useQuery({
    ...linkTypePartnersQuery(scope, cols.ids, linkType, 'upstream'),
    enabled: enabled && fraction,
  });
  const all = useMemo(() => [...new Set([...rows.ids, ...cols.ids])], [rows.ids, cols.ids]);
  const wantsGroups = state.matrixGroup !== 'none' || state.matrixOrder === 'group';
  const groups = useGroups(all, state.meta, enabled && wantsGroups);
  const names = useQuery(neuronNamesQuery(scope, all));
  const nameMap = useMemo(() => names.data ?? new Map<number, string>(), [names.data]);
  const counts = reciprocal
    ? rowPartners.data
      ? adjacencyFromPartners(rowPartners.data, cols.ids)
      : undefined
    : synaptic.data;
  const targetInput = useMemo(
    () => (targetUp.data ? inputTotals(targetUp.data) : undefined),
    [targetUp.data],
  );
  const groupOf = groups.groupOf;
  const model = useMemo(() => {
    if (!counts || (fraction && !targetInput) || (wantsGroups && !groupOf)) return null;
    const g = groupOf ?? new Map<number, string>();
    const byRows = state.matrixGroup === 'both' || state.matrixGroup === 'rows';
    const byCols = state.matrixGroup === 'both' || state.matrixGroup === 'columns';
    const m = buildRectMatrix({
      counts,
      rowIds: rows.ids,
      colIds: cols.ids,
      names: nameMap,
      ...(byRows ? { rowGroups: g } : {}),
      ...(byCols ? { colGroups: g } : {}),
      aggregate: state.matrixAggregate,
      value: state.matrixValue,
      ...(targetInput ? { targetInput } : {}),
    });
    if (state.matrixOrder === 'cluster') {
      const r = clusterProfiles(m.z);
      const c = clusterProfiles(m.cols.keys.map((_, j) => m.z.map((row) => row[j] ?? 0)));
      return { matrix: permute(m, r.order, c.order), dendrograms: { rows: r, cols: c } };
    }
    if (state.matrixOrder === 'group') {
      const keyGroup = (grouped: boolean) => (k: string) =>
        grouped ? k : (g.get(Number(k)) ?? '');
      return {
        matrix: permute(
          m,
          groupLabelOrder(m.rows, keyGroup(byRows)),
          groupLabelOrder(m.cols, keyGroup(byCols)),
        ),
        dendrograms: null,
      };
    }
    return { matrix: permute(m, labelOrder(m.rows), labelOrder(m.cols)), dendrograms: null };
  }, [
    counts,
    fraction,
    targetInput,
    wantsGroups,
    groupOf,
    state.matrixGroup,
    state.matrixAggregate,
    state.matrixValue,
    state.matrixOrder,
    rows.ids,
    cols.ids,
    nameMap,
  ]);
  const fig = useMemo(
    () => (model ? rectMatrixFigure(model.matrix, state.matrixValue, model.dendrograms) : null),
    [model, state.matrixValue],
  );
  const height = model
    ? Math.min(1600, Math.max(380, 200 + model.matrix.rows.keys.length * 24))
    : 380;

  return (
    <section className="circuit-panel" aria-label="Connectivity matrix">
      <div className="set-pickers">
        <SetPicker
          label="Rows (sources)"
          value={state.matrixRows}
          onChange={(v) => onState({ matrixRows: v })}
          set={rows}
        />
        <SetPicker
          label="Columns (targets)"
          value={state.matrixCols}
          onChange={(v) => onState({ matrixCols: v })}
          set={cols}
        />
      </div>
      <form
        className="partner-controls"
        aria-label="Matrix options"
        onSubmit={(e) => e.preventDefault()}
      >
        <LinkTypeSelect
          value={linkType}
          types={linkTypes}
          onChange={(v) => onState({ linkType: v })}
        />
        <MetaSelect
          value={state.meta}
          metas={groups.metas}
          onChange={(v) => onState({ meta: v })}
        />
        <label>
          Group
          <select
            value={state.matrixGroup}
            onChange={(e) =>
              onState({ matrixGroup: e.target.value as CircuitsUrlState['matrixGroup'] })
            }
          >
            <option value="none">no grouping</option>
            <option value="both">rows and columns</option>
            <option value="rows">rows only</option>
            <option value="columns">columns only</option>
          </select>
        </label>
        <label>
          Per group
          <select
            value={state.matrixAggregate}
            onChange={(e) =>
              onState({ matrixAggregate: e.target.value as CircuitsUrlState['matrixAggregate'] })
            }
          >
            <option value="sum">sum</option>
            <option value="mean">mean</option>
            <option value="max">max</option>
          </select>
        </label>
        <label>
          Cells
          <select
            value={state.matrixValue}
            onChange={(e) =>
              onState({ matrixValue: e.target.value as CircuitsUrlState['matrixValue'] })
            }
          >
            <option value="raw">synapse counts</option>
            <option value="fraction">fraction of target input</option>
          </select>
        </label>
        <label>
          Order
          <select
            value={state.matrixOrder}
            onChange={(e) =>
              onState({ matrixOrder: e.target.value as CircuitsUrlState['matrixOrder'] })
            }
          >
            <option value="name">by name</option>
            <option value="group">by group</option>
            <option value="cluster">by clustering</option>
          </select>
        </label>
      </form>
      <QueryErrorMessage query={synaptic} context="Matrix failed" />
      <QueryErrorMessage query={rowPartners} context="Partners failed" />
      <QueryErrorMessage query={targetUp} context="Target inputs failed" />
      <QueryErrors queries={groups.queries} context="Groups failed" />
      {!enabled ? (
        <p role="status">Choose the row and column neurons.</p>
      ) : !model || !fig ? (
        <p role="status">Loading the matrix…</p>
      ) : (
        <>
          <p role="status" aria-label="Matrix summary">
            {model.matrix.rows.keys.length} rows × {model.matrix.cols.keys.length} columns
          </p>
          <ExportableChart
            name="Connectivity matrix"
            fileBase="connectivity-matrix"
            data={fig.data}
            layout={fig.layout}
            height={height}
            csv={() => rectMatrixCsv(model.matrix, state.matrixValue)}
          />
        </>
      )}
    </section>
  );
}
