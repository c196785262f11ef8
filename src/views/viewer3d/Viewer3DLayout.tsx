import { TagMarkersPanel } from './TagMarkersPanel.tsx';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { User } from '../../api/users.ts';
import type { VolumeSummary } from '../../api/volumes.ts';
import type { LegendModel } from '../../3d/export/legend-model.ts';
import type { CameraCommand, Projection } from '../../3d/scene/CameraRig.tsx';
import type { CameraPose } from '../../3d/scene/camera-math.ts';
import type { FrameView } from '../../3d/scene/camera-controller.ts';
import type { FrameInfo } from '../../3d/scene/frame-loop.ts';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import type { ViewerHandle } from '../../3d/scene/viewer-handle.ts';
import type { ConnectorHighlight } from '../../state/selection-store.ts';
import { AxisTriad } from './AxisTriad.tsx';
import { CachePanel } from './CachePanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import type { ExportContext } from './figure-export.ts';
import { LegendPanel } from './LegendPanel.tsx';
import type { LoadSummary } from './load-tracker.ts';
import { LoadStatus } from './LoadStatus.tsx';
import { NodeInfoPanel, type PickedNode } from './NodeInfoPanel.tsx';
import { ScaleBar } from './ScaleBar.tsx';
import { Toolbar } from './Toolbar.tsx';
import { SceneReadiness } from './scene-readiness.ts';
import { writeFrameSignals } from './frame-signals.ts';
import { ViewerCanvas, type PickResult } from './ViewerCanvas.tsx';
import type { ViewOptions, VolumeSetting } from './view-options.ts';
import { VolumePanel } from './VolumePanel.tsx';

interface Props {
  engine: ViewerEngine;
  handle: ViewerHandle;
  summary: LoadSummary;
  options: ViewOptions;
  legend: LegendModel;
  names: ReadonlyMap<number, string>;
  users: ReadonlyMap<number, User>;
  catmaidUrl: string | null;
  initialPose: CameraPose | null;
  command: CameraCommand | null;
  volumeList: UseQueryResult<VolumeSummary[]>;
  volumeSettings: ReadonlyMap<number, VolumeSetting>;
  defaultVolume(id: number): VolumeSetting;
  volumeFailures: ReadonlyMap<number, unknown>;
  connectorHighlight: ConnectorHighlight | null;
  /** Neurons drawn dimmed for context (not in the selection). */
  contextIds: readonly number[];
  onRetry(): void;
  /** Display first: fetch the full data of the neurons drawn from display forms. */
  onNeedFull(): void;
  /** The scene became ready (complete and on screen). */
  onSceneReady(): void;
  onOptions(patch: Partial<ViewOptions>): void;
  onView(view: FrameView): void;
  onVolume(id: number, s: VolumeSetting): void;
  onPoseEnd(pose: CameraPose, projection: Projection): void;
  onHighlight(skeletonId: number | null): void;
  onClearConnectorHighlight(): void;
  exportContext(): ExportContext;
  completeForExport(): Promise<void>;
}

/** Pure layout of the 3D view: toolbar, canvas with overlays, side panels. */
export function Viewer3DLayout(p: Props) {
  const { engine, handle, summary, options: o, names } = p;
  const [hover, setHover] = useState<{ name: string; x: number; y: number } | null>(null);
  const [picked, setPicked] = useState<PickedNode | null>(null);
  const [readiness] = useState(() => new SceneReadiness(engine, handle));
  useEffect(() => readiness.update(summary, o), [readiness, summary, o]);
  useEffect(() => {
    readiness.onNeedFull(p.onNeedFull);
    return () => readiness.onNeedFull(null);
  }, [readiness, p.onNeedFull]);
  useEffect(() => {
    readiness.onReady(p.onSceneReady);
    return () => readiness.onReady(null);
  }, [readiness, p.onSceneReady]);
  const region = useRef<HTMLElement | null>(null);
  const regionRef = useCallback(
    (el: HTMLElement | null) => {
      region.current = el;
      readiness.attach(el);
    },
    [readiness],
  );
  const contextIds = useRef(p.contextIds);
  useEffect(() => {
    contextIds.current = p.contextIds;
  });
  const onFrame = useCallback(
    (info: FrameInfo) => {
      readiness.frame(info);
      if (region.current) writeFrameSignals(region.current, engine, handle, contextIds.current);
    },
    [readiness, engine, handle],
  );

  const nameOf = (id: number) => names.get(id) ?? `skeleton ${id}`;
  const onHover = (hit: PickResult | null, x: number, y: number) =>
    setHover(hit ? { name: nameOf(hit.skeletonId), x, y } : null);
  const onPick = (hit: PickResult | null) => {
    if (!hit) return;
    const d = engine.model.bySkeleton.get(hit.skeletonId)?.detail;
    if (!d) return;
    const i = hit.nodeIndex;
    setPicked({
      skeletonId: hit.skeletonId,
      nodeId: d.nodeIds[i] ?? 0,
      position: [d.positions[i * 3] ?? 0, d.positions[i * 3 + 1] ?? 0, d.positions[i * 3 + 2] ?? 0],
      creatorId: d.creatorIds[i] ?? 0,
    });
    p.onHighlight(hit.skeletonId);
  };

  return (
    <div className="view viewer3d-view">
      <h1 className="visually-hidden">3D viewer</h1>
      <Toolbar
        options={o}
        onChange={p.onOptions}
        onView={p.onView}
        onReset={() => p.onView('xy')}
      />
      <div className="viewer3d-main">
        <section
          ref={regionRef}
          aria-label="3D viewer"
          className={`viewer3d-stage bg-${o.background}`}
          data-scene-ready="false"
        >
          <ViewerCanvas
            engine={engine}
            handle={handle}
            projection={o.projection}
            background={o.background === 'black' ? '#000000' : '#ffffff'}
            initialPose={p.initialPose}
            command={p.command}
            onPoseEnd={p.onPoseEnd}
            onFrame={onFrame}
            onHover={onHover}
            onPick={onPick}
          />
          <LoadStatus summary={summary} names={names} onRetry={p.onRetry} />
          <LegendPanel
            legend={p.legend}
            onClearHighlight={p.connectorHighlight ? p.onClearConnectorHighlight : null}
            markerSize={o.markerSize}
            onMarkerSize={(markerSize) => p.onOptions({ markerSize })}
          />
          {o.showScaleBar ? <ScaleBar handle={handle} /> : null}
          {o.showAxes ? <AxisTriad handle={handle} /> : null}
          {hover ? (
            <div
              role="tooltip"
              className="viewer3d-tooltip"
              style={{ left: hover.x + 12, top: hover.y + 12 }}
            >
              {hover.name}
            </div>
          ) : null}
        </section>
        <aside className="viewer3d-side" aria-label="3D view panels">
          {picked ? (
            <NodeInfoPanel
              key={picked.nodeId}
              node={picked}
              neuronName={nameOf(picked.skeletonId)}
              users={p.users}
              catmaidUrl={p.catmaidUrl}
              onClose={() => {
                setPicked(null);
                p.onHighlight(null);
              }}
            />
          ) : (
            <p className="hint">Click a neuron to see the node's details.</p>
          )}
          <VolumePanel
            list={p.volumeList}
            settings={p.volumeSettings}
            defaultSetting={p.defaultVolume}
            failed={p.volumeFailures}
            onChange={p.onVolume}
          />
          <TagMarkersPanel />
          <ExportPanel
            context={p.exportContext}
            complete={p.completeForExport}
            disabled={summary.loaded === 0}
          />
          <CachePanel />
        </aside>
      </div>
    </div>
  );
}
