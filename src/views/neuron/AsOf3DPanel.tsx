/**
 * The neuron as of the chosen day in 3D (orbit and zoom): the old skeleton's own node places and
 * parents (`arborAsOf`), coloured against today's so an audit sees what changed — unchanged edges
 * in the neuron's colour, edges gone or moved since in red, and (optionally) today's new edges in
 * light grey. "Now" draws today's skeleton alone. Drawn by the Regions view's small on-demand
 * scene; the canvas says when the current drawing is on screen (`data-scene-ready`) and how many
 * segments of each class it holds, for tests and screenshots.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ArborNode } from '../../analysis/neuron/arbor.ts';
import { liveArbor } from '../../analysis/neuron/as-of.ts';
import { classifyAsOf } from '../../analysis/neuron/as-of-changes.ts';
import type { NodeVersion } from '../../api/skeleton-history.ts';
import { classedSegments } from '../../3d/geometry/classed-segments.ts';
import { createRegionScene, type RegionScene } from '../../3d/scene/region-scene.ts';
import { ExportBar } from '../../components/plots/ExportBar.tsx';
import { categoricalColor } from '../../lib/colors.ts';
import { useSelectionColors } from '../shared/selection-colors.ts';
import { ADDED_COLOUR, EDGE_CLASSES, GONE_COLOUR, asOfLegend, rgbOf } from './as-of-3d-legend.ts';
import { asOf3dPng } from './as-of-3d-png.ts';
import { asOfNodesCsv } from './as-of-nodes-csv.ts';

interface Props {
  skeletonId: number;
  name: string;
  versions: readonly NodeVersion[];
  /** The neuron as of `day` (today's when `day` is null). */
  arbor: readonly ArborNode[];
  day: string | null;
}

export function AsOf3DPanel({ skeletonId, name, versions, arbor, day }: Props) {
  const toggleId = useId();
  const [showToday, setShowToday] = useState(true);
  const [drawn, setDrawn] = useState<unknown>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<RegionScene | null>(null);
  const framedOn = useRef<number | null>(null);
  /** The segments handed to the scene last: marked drawn when the scene says it rendered. */
  const drawing = useRef<unknown>(null);
  const neuronColour = useSelectionColors().get(skeletonId) ?? categoricalColor(0);
  const live = useMemo(() => liveArbor(versions), [versions]);
  const then = day === null ? live : arbor;
  const changes = useMemo(() => classifyAsOf(then, live), [then, live]);
  const segments = useMemo(
    () =>
      classedSegments(
        changes.edges,
        {
          kept: rgbOf(neuronColour),
          gone: rgbOf(GONE_COLOUR),
          ...(showToday ? { added: rgbOf(ADDED_COLOUR) } : {}),
        },
        EDGE_CLASSES,
      ),
    [changes, neuronColour, showToday],
  );
  const legend = asOfLegend(changes, day, neuronColour, showToday);
  const caption = `${name} (skeleton ${skeletonId}), 3D, ${day ? `as of ${day}` : 'now'}`;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let scene: RegionScene;
    try {
      scene = createRegionScene(canvas, () => setDrawn(drawing.current));
    } catch (e) {
      // No WebGL (an old GPU driver, a test DOM): say so instead of breaking the page (after
      // this effect, as effects must not set state synchronously).
      queueMicrotask(() => setFailure(e instanceof Error ? e.message : String(e)));
      return;
    }
    sceneRef.current = scene;
    const fit = () => scene.resize(canvas.clientWidth || 640, canvas.clientHeight || 400);
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      scene.dispose();
      sceneRef.current = null;
      framedOn.current = null;
    };
  }, []);

  useEffect(() => {
    const scene = sceneRef.current;
    if (!scene) return;
    // The camera stays put while the day changes, so old and new can be compared in place.
    drawing.current = segments;
    scene.update(segments, [], framedOn.current !== skeletonId);
    framedOn.current = skeletonId;
  }, [segments, skeletonId]);

  const exportPng = async (w: number, h: number) => {
    const scene = sceneRef.current;
    if (!scene) throw new Error('the 3D view is not available');
    const image = await scene.snapshot(w, h);
    try {
      return await asOf3dPng(image, w, h, legend, caption);
    } finally {
      image.close();
    }
  };
  return (
    <div className="as-of-3d">
      <h3>As of date in 3D</h3>
      <label htmlFor={toggleId}>
        <input
          id={toggleId}
          type="checkbox"
          checked={showToday}
          disabled={day === null}
          onChange={(e) => setShowToday(e.target.checked)}
        />{' '}
        Show today&apos;s skeleton
      </label>
      <ul className="as-of-legend" aria-label="3D legend">
        {legend.map((e) => (
          <li key={e.change}>
            <span className="as-of-swatch" style={{ background: e.colour }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
      </ul>
      <ExportBar
        name="3D as of date"
        fileBase={`neuron-${skeletonId}-3d${day ? `-${day}` : ''}`}
        defaultSize={{ width: 800, height: 500 }}
        actions={{ png: exportPng, csv: () => asOfNodesCsv(then, live, changes) }}
      />
      {failure ? <p role="alert">The 3D view could not start: {failure}</p> : null}
      <canvas
        ref={canvasRef}
        className="as-of-canvas"
        role="img"
        aria-label="Neuron in 3D as of date"
        data-caption={caption}
        data-scene-ready={drawn === segments ? 'true' : 'false'}
        data-segment-count={segments.segmentCount}
        data-kept-segments={segments.counts.kept}
        data-gone-segments={segments.counts.gone}
        data-added-segments={segments.counts.added}
      />
      <p className="hint">Drag to rotate, scroll to zoom, right-drag to pan.</p>
    </div>
  );
}
