/**
 * One similarity result: the dendrogram-ordered matrix figure, the number of clusters to cut it
 * into, exports (SVG, PNG, CSV) and "send clusters to the selection as colours".
 */
import { useId, useMemo } from 'react';
import { cluster, cutClusters } from '../../analysis/similarity/clustering.ts';
import { similarityCsv } from '../../analysis/similarity/similarity-csv.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { svgToPng } from '../../components/plots/download.ts';
import { categoricalColor } from '../../lib/colors.ts';
import { useSelectionStore } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { similarityFigureSvg, svgAtSize } from './similarity-figure.ts';

interface Props {
  /** What the matrix is, e.g. "NBLAST mean score"; also the figure title. */
  title: string;
  fileBase: string;
  ids: readonly number[];
  names: readonly string[];
  colors: readonly string[];
  /** Square, ids order; what is shown. */
  matrix: readonly (readonly number[])[];
  /** Symmetric version of `matrix`, what is clustered. */
  symmetricMatrix: readonly (readonly number[])[];
  range: [number, number];
}

export function SimilarityResult(p: Props) {
  const id = useId();
  const k = useUrlStore((s) => s.state.similarity.clusters);
  const update = useUrlStore((s) => s.update);
  const store = useSelectionStore();
  const dendrogram = useMemo(() => cluster(p.symmetricMatrix), [p.symmetricMatrix]);
  const clusters = useMemo(
    () => (dendrogram ? cutClusters(dendrogram, p.ids.length, k) : null),
    [dendrogram, p.ids.length, k],
  );
  const figure = useMemo(
    () =>
      similarityFigureSvg({
        title: p.title,
        labels: p.names,
        colors: p.colors,
        matrix: p.matrix,
        dendrogram,
        clusters,
        range: p.range,
      }),
    [p.title, p.names, p.colors, p.matrix, dendrogram, clusters, p.range],
  );
  const order = dendrogram?.order ?? p.ids.map((_, i) => i);
  const sendClusters = () => {
    if (!clusters) return;
    const colors = new Map(p.ids.map((sid, i) => [sid, categoricalColor(clusters[i] ?? 0)]));
    const groups = [...new Set(clusters)].sort((a, b) => a - b);
    store.getState().applyGroupColors(
      colors,
      groups.map((g) => ({
        label: `${p.title} cluster ${g + 1}`,
        color: categoricalColor(g),
        count: clusters.filter((c) => c === g).length,
      })),
    );
  };
  return (
    <section className="similarity-result" aria-label={`${p.title} result`}>
      <div className="similarity-controls">
        <label htmlFor={`${id}-k`}>Clusters</label>
        <input
          id={`${id}-k`}
          type="number"
          min={1}
          max={Math.max(1, Math.min(50, p.ids.length))}
          value={k}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (v >= 1 && v <= 50)
              update((s) => ({ ...s, similarity: { ...s.similarity, clusters: v } }), 'replace');
          }}
        />
        <button type="button" onClick={sendClusters} disabled={!clusters}>
          Send clusters to the selection as colours
        </button>
      </div>
      <ExportBar
        name={p.title}
        fileBase={p.fileBase}
        defaultSize={{ width: figure.width, height: figure.height }}
        actions={{
          svg: (w, h) => Promise.resolve(svgAtSize(figure.svg, w, h)),
          png: (w, h) => svgToPng(svgAtSize(figure.svg, w, h), w, h),
          csv: () =>
            similarityCsv({
              ids: p.ids,
              names: p.names,
              matrix: p.matrix,
              order,
              clusters,
            }),
        }}
      />
      <figure
        className="similarity-figure"
        role="img"
        aria-label={`${p.title} matrix with dendrogram`}
        data-order={order.map((i) => p.ids[i]).join(',')}
        data-clusters={clusters?.join(',') ?? ''}
        // The figure is built as an SVG string so the screen and the export are one document.
        dangerouslySetInnerHTML={{ __html: figure.svg }}
      />
    </section>
  );
}
