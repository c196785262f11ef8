/**
 * Adjacency matrix of the sources: plotly heatmap labelled with names in the selection colours,
 * ordered by name, annotation group or clustering, with a threshold; SVG / PNG / CSV export;
 * a cell (click, or the pair picker) shows that pair's synapses in 3D.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { skeletonAnnotationsQuery } from '../../api/skeleton-annotations.ts';
import { matrixCsv, thresholded } from '../../analysis/matrix-csv.ts';
import {
  orderByClustering,
  orderByGroup,
  orderByName,
  splittingAnnotations,
  type MatrixOrder,
} from '../../analysis/matrix-order.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { PlotlyChart, type FigureHandle } from '../../components/plots/PlotlyChart.tsx';
import { NeuronPageLinks } from '../shared/NeuronPageLinks.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { matrixFigure } from './matrix-figure.ts';
import { PairPicker } from './PairPicker.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useLinkTypeMatrix } from './use-link-type-matrix.ts';
import type { MatrixSide } from '../../analysis/compartments/compartment-matrix.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { MatrixCompartmentSide } from './compartments/MatrixCompartmentSide.tsx';
import { useCompartmentMatrix } from './compartments/use-compartment-matrix.ts';

interface Props {
  ids: readonly number[];
  names: ReadonlyMap<number, string>;
  colors: ReadonlyMap<number, string>;
  /** A compartment (URL key `ccomp`, chemical synapses only): its name and split code. */
  compartment?: { name: string; code: number } | null;
}

export function MatrixPanel({ ids, names, colors, compartment = null }: Props) {
  const scope = useProjectScope();
  const [order, setOrder] = useState<MatrixOrder>('name');
  const [threshold, setThreshold] = useState(1);
  const [groupText, setGroupText] = useState('');
  const [figure, setFigure] = useState<FigureHandle | null>(null);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [side, setSide] = useState<MatrixSide>('post');
  const matrix = useLinkTypeMatrix(ids);
  const restricted = useCompartmentMatrix(ids, compartment?.code ?? null, side);
  const annotations = useQuery({
    ...skeletonAnnotationsQuery(scope, ids),
    enabled: order === 'group',
  });
  const counts = compartment ? restricted.data : matrix.data;
  const defaultGroups = useMemo(
    () => (annotations.data ? splittingAnnotations(ids, annotations.data) : []),
    [ids, annotations.data],
  );
  const groups = useMemo(
    () =>
      groupText.trim()
        ? groupText
            .split(',')
            .map((g) => g.trim())
            .filter(Boolean)
        : defaultGroups,
    [groupText, defaultGroups],
  );
  const ordered = useMemo(() => {
    if (!counts) return orderByName(ids, names);
    if (order === 'cluster') return orderByClustering(ids, counts, names);
    if (order === 'group' && annotations.data)
      return orderByGroup(ids, names, annotations.data, groups).order;
    return orderByName(ids, names);
  }, [ids, counts, names, order, annotations.data, groups]);
  const z = useMemo(
    () => (counts ? thresholded(counts, ordered, threshold) : []),
    [counts, ordered, threshold],
  );
  const fig = useMemo(() => matrixFigure(ordered, z, names, colors), [ordered, z, names, colors]);
  const onPointClick = useCallback(
    (x: unknown, y: unknown) => {
      const post = ordered[Number(x)];
      const pre = ordered[Number(y)];
      if (pre !== undefined && post !== undefined) setPair([pre, post]);
    },
    [ordered],
  );
  const height = Math.min(1400, Math.max(360, 160 + ordered.length * 22));

  return (
    <section className="matrix-panel" aria-label="Adjacency matrix">
      <form
        className="partner-controls"
        aria-label="Matrix options"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Order
          <select value={order} onChange={(e) => setOrder(e.target.value as MatrixOrder)}>
            <option value="name">by name</option>
            <option value="group">by annotation group</option>
            <option value="cluster">by clustering</option>
          </select>
        </label>
        {order === 'group' ? (
          <label>
            Groups (annotations, comma-separated)
            <input
              type="text"
              value={groupText}
              placeholder={defaultGroups.slice(0, 4).join(', ') || 'e.g. PN, KC'}
              onChange={(e) => setGroupText(e.target.value)}
            />
          </label>
        ) : null}
        <label>
          Threshold (min synapses)
          <input
            type="number"
            min={1}
            value={threshold}
            onChange={(e) => setThreshold(Math.max(1, Math.floor(Number(e.target.value)) || 1))}
          />
        </label>
      </form>
      {compartment ? (
        <MatrixCompartmentSide compartment={compartment.name} side={side} onSide={setSide} />
      ) : null}
      {compartment && restricted.error ? (
        <ErrorMessage
          error={restricted.error}
          context="Matrix by compartment failed"
          onRetry={restricted.retry}
        />
      ) : null}
      {compartment ? null : <QueryErrorMessage query={matrix} context="Adjacency matrix failed" />}
      <QueryErrorMessage query={annotations} context="Annotations failed" />
      {counts ? (
        <>
          <ExportBar
            name="matrix"
            fileBase="adjacency-matrix"
            disabled={!figure}
            defaultSize={{ width: 1000, height: 1000 }}
            actions={{
              svg: async (w, h) =>
                figure ? figure.toSvg(w, h) : Promise.reject(new Error('not drawn yet')),
              png: async (w, h) =>
                figure ? figure.toPng(w, h) : Promise.reject(new Error('not drawn yet')),
              csv: () => matrixCsv(counts, ordered, names, threshold),
            }}
          />
          {z.every((r) => r.every((v) => v === 0)) ? (
            <p role="status" className="hint">
              No synapses among these neurons at this threshold.
            </p>
          ) : null}
          <PlotlyChart
            label="Adjacency matrix heatmap"
            data={fig.data}
            layout={fig.layout}
            height={height}
            onReady={setFigure}
            onPointClick={onPointClick}
          />
          <PairPicker
            ids={ordered}
            names={names}
            pair={pair}
            onPair={setPair}
            keep={compartment ? restricted.keep : undefined}
          />
          <NeuronPageLinks ids={ordered} names={names} what="matrix neurons" />
        </>
      ) : (compartment ? restricted.pending : matrix.isPending) ? (
        <p role="status">
          {compartment ? 'Splitting neurons and loading synapses…' : 'Loading the matrix…'}
        </p>
      ) : null}
    </section>
  );
}
