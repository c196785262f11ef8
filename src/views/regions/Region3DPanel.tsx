/**
 * 3D by region: the selection pruned to the part inside (or outside) one volume, coloured by the
 * region each node lies in (or by neuron), with the chosen volumes drawn translucent in their
 * own colour and opacity. The scene says when a frame is drawn (`data-scene-ready`) and how many
 * segments it holds, for tests and screenshots.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import type { Volume } from '../../api/volumes.ts';
import type { RegionJobOutput } from '../../analysis/regions/region-job.ts';
import { regionSegments } from '../../3d/geometry/region-segments.ts';
import { createRegionScene, type RegionScene } from '../../3d/scene/region-scene.ts';

const PALETTE = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#bfef45',
];
const OUTSIDE = '#9a9a9a';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16) || 0;
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

interface Props {
  result: RegionJobOutput;
  skeletons: readonly SkeletonDetail[];
  volumes: readonly Volume[];
  colors: ReadonlyMap<number, string>;
}

export function Region3DPanel({ result, skeletons, volumes, colors }: Props) {
  const [region, setRegion] = useState(0);
  const [keep, setKeep] = useState<'inside' | 'outside' | 'all'>('inside');
  const [colourBy, setColourBy] = useState<'region' | 'neuron'>('region');
  const [opacity, setOpacity] = useState(0.15);
  const [volumeColours, setVolumeColours] = useState<Record<number, string>>({});
  const [rendered, setRendered] = useState(0);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<RegionScene | null>(null);
  /** What the camera was last framed on: a new volume or pruning mode frames again. */
  const framedOn = useRef('');
  const colourOf = (i: number, id: number) =>
    volumeColours[id] ?? PALETTE[i % PALETTE.length] ?? OUTSIDE;
  const r = Math.min(region, volumes.length - 1);
  const segments = useMemo(
    () =>
      regionSegments({
        skeletons,
        nodeRegion: result.nodeRegion,
        region: r,
        keep,
        colourBy,
        regionColours: volumes.map((v, i) =>
          rgb(volumeColours[v.id] ?? PALETTE[i % PALETTE.length] ?? OUTSIDE),
        ),
        neuronColours: skeletons.map((s) => rgb(colors.get(s.skeletonId) ?? '#000000')),
        outsideColour: rgb(OUTSIDE),
      }),
    [skeletons, result, r, keep, colourBy, volumes, volumeColours, colors],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const scene = createRegionScene(canvas, () => setRendered((n) => n + 1));
    sceneRef.current = scene;
    const fit = () => scene.resize(canvas.clientWidth || 800, canvas.clientHeight || 500);
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      scene.dispose();
      sceneRef.current = null;
    };
  }, []);

  useEffect(() => {
    const shown = keep === 'all' ? volumes : volumes.filter((_, i) => i === r);
    const frameKey = `${keep}:${r}:${volumes.map((v) => v.id).join(',')}`;
    sceneRef.current?.update(
      segments,
      shown.map((v) => ({ mesh: v.mesh, color: colourOf(volumes.indexOf(v), v.id), opacity })),
      frameKey !== framedOn.current,
    );
    framedOn.current = frameKey;
    // colourOf reads volumeColours, which is a dependency already.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [segments, volumes, r, keep, opacity, volumeColours]);

  return (
    <section aria-label="3D by region" className="regions-panel">
      <form className="regions-form" aria-label="3D options" onSubmit={(e) => e.preventDefault()}>
        <label>
          Show{' '}
          <select value={keep} onChange={(e) => setKeep(e.target.value as typeof keep)}>
            <option value="inside">only inside</option>
            <option value="outside">only outside</option>
            <option value="all">whole neurons</option>
          </select>
        </label>
        <label>
          Volume{' '}
          <select value={r} onChange={(e) => setRegion(Number(e.target.value))}>
            {volumes.map((v, i) => (
              <option key={v.id} value={i}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour{' '}
          <select value={colourBy} onChange={(e) => setColourBy(e.target.value as typeof colourBy)}>
            <option value="region">by region</option>
            <option value="neuron">by neuron</option>
          </select>
        </label>
        <label>
          Volume opacity{' '}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={opacity}
            onChange={(e) => setOpacity(Number(e.target.value))}
          />
        </label>
        {volumes.map((v, i) => (
          <label key={v.id}>
            Colour of {v.name}{' '}
            <input
              type="color"
              value={colourOf(i, v.id)}
              onChange={(e) => setVolumeColours((c) => ({ ...c, [v.id]: e.target.value }))}
            />
          </label>
        ))}
      </form>
      <p className="hint">
        Pruned as pymaid&apos;s prune_by_volume: an edge is drawn when both its nodes are kept.
        Grey: outside every chosen volume. Drag to rotate, scroll to zoom.
      </p>
      <canvas
        ref={canvasRef}
        className="regions-canvas"
        aria-label="Neurons by region in 3D"
        data-scene-ready={rendered > 0 ? 'true' : 'false'}
        data-segment-count={segments.segmentCount}
      />
    </section>
  );
}
