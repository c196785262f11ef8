import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dashboardConfigQuery } from '../../api/dashboard-config.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { indexUsers, usersQuery } from '../../api/users.ts';
import { volumesQuery } from '../../api/volumes.ts';
import type { CameraCommand, Projection } from '../../3d/scene/CameraRig.tsx';
import type { CameraPose } from '../../3d/scene/camera-math.ts';
import type { FrameView } from '../../3d/scene/camera-controller.ts';
import { ViewerHandle } from '../../3d/scene/viewer-handle.ts';
import { createCatmaidClient } from '../../lib/http/client.ts';
import { useSelection, useSelectionStore } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { useSelectionColors, useVisibleSelection } from '../shared/selection-colors.ts';
import { useBenchHook } from './bench-hook.ts';
import { completeForExport } from './complete-for-export.ts';
import { viewerResources } from './engine-cache.ts';
import { Viewer3DLayout } from './Viewer3DLayout.tsx';
import { useCreationTimes } from './use-creation-times.ts';
import { useLegend } from './use-legend.ts';
import { useReviewCodes } from './use-review-codes.ts';
import { useCopyWritesAfterReady } from './use-copy-writes-after-ready.ts';
import { useFramedBounds } from './use-framed-bounds.ts';
import { useEngineOptions, useNeuronStyles, useVolumes } from './use-scene-sync.ts';
import { useSkeletonLoading } from './use-skeleton-loading.ts';
import { DISPLAY_FIRST_NEURONS } from '../../workers/skeleton-load-limits.ts';
import {
  defaultVolumeSetting,
  optionsFromUrl,
  optionsToUrl,
  volumeSettingsFromUrl,
  withVolume,
  type ViewOptions,
} from './view-options.ts';
import './viewer3d.css';

/** The 3D view: reads selection, URL and server data, and drives the engine and the layout. */
export function Viewer3DView() {
  const scope = useProjectScope();
  const { server, projectId, client } = scope;
  const resources = useMemo(
    () => viewerResources({ server, projectId, client }),
    [server, projectId, client],
  );
  const { engine } = resources;
  const [handle] = useState(() => new ViewerHandle());
  const invalidate = useCallback(() => handle.invalidate(), [handle]);
  useBenchHook(useSelectionStore());

  const items = useSelection((s) => s.items);
  const highlighted = useSelection((s) => s.highlightedSkeletonId);
  const setHighlighted = useSelection((s) => s.setHighlighted);
  const connectorHighlight = useSelection((s) => s.connectorHighlight);
  const setConnectorHighlight = useSelection((s) => s.setConnectorHighlight);
  const colorLegend = useSelection((s) => s.colorLegend);
  const colors = useSelectionColors();
  const visible = useVisibleSelection();
  const visibleIds = useMemo(() => visible.map((i) => i.skeletonId), [visible]);
  // Neurons of a synapse highlight that are not in the selection (e.g. the partner a
  // Connectivity row pointed at): loaded and drawn dimmed, so the markers sit on their arbors.
  const contextIds = useMemo(() => {
    const selected = new Set(items.map((i) => i.skeletonId));
    return (connectorHighlight?.skeletonIds ?? []).filter((id) => !selected.has(id));
  }, [items, connectorHighlight]);
  const loadIds = useMemo(() => [...visibleIds, ...contextIds], [visibleIds, contextIds]);

  const names = useQuery(
    neuronNamesQuery(scope, [...items.map((i) => i.skeletonId), ...contextIds]),
  );
  const nameMap = useMemo(() => names.data ?? new Map<number, string>(), [names.data]);
  const users = useQuery(usersQuery(scope));
  const queryClient = useQueryClient();
  const userMap = useMemo(() => indexUsers(users.data ?? []), [users.data]);
  const proxyClient = useMemo(() => createCatmaidClient({ baseUrl: '/api' }), []);
  const config = useQuery(dashboardConfigQuery(proxyClient));
  const catmaidUrl =
    config.data && !config.data.server.isDemo && config.data.server.url
      ? config.data.server.url
      : null;
  const volumeList = useQuery(volumesQuery(scope));

  const urlCamera = useUrlStore((s) => s.state.camera);
  const urlViewer = useUrlStore((s) => s.state.viewer);
  const updateUrl = useUrlStore((s) => s.update);
  const [initialPose] = useState<CameraPose | null>(() => urlCamera ?? null);
  const cameraProjection: Projection | undefined = urlCamera?.projection;
  const options = useMemo(
    () => optionsFromUrl(urlViewer, cameraProjection),
    [urlViewer, cameraProjection],
  );
  const volumeSettings = useMemo(() => volumeSettingsFromUrl(urlViewer.volumes), [urlViewer]);
  const [command, setCommand] = useState<CameraCommand | null>(null);

  useNeuronStyles(engine, items, colors, contextIds);
  const rememberFraming = useFramedBounds(engine, server, projectId, loadIds);
  useEngineOptions(engine, options, users.data, highlighted, invalidate);
  // Geometry first: connectors and tags only while a layer shows them.
  const wantsExtras = options.showPre || options.showPost || options.showSomata;
  // Display first for scenes big enough to be drawn coarse (or when coarse is chosen).
  const displayFirst =
    options.detail === 'coarse' ||
    (options.detail === 'auto' && loadIds.length >= DISPLAY_FIRST_NEURONS);
  const { summary, retryFailed, requestFull } = useSkeletonLoading(
    scope,
    resources,
    loadIds,
    wantsExtras,
    displayFirst,
  );
  const writeCopies = useCopyWritesAfterReady(resources.pool, summary.settled);
  const onSceneReady = useCallback(() => {
    rememberFraming();
    writeCopies();
  }, [rememberFraming, writeCopies]);
  const volumes = useVolumes(scope, engine, volumeSettings, invalidate);
  const markers = useMemo(
    () => Float32Array.from(connectorHighlight?.positions ?? []),
    [connectorHighlight],
  );
  useEffect(() => {
    engine.setMarkers(markers);
    invalidate();
  }, [engine, markers, invalidate]);
  const timeRangeMs = useCreationTimes(scope, engine, options.colourMode, loadIds, invalidate);
  const review = useReviewCodes(scope, engine, options.colourMode, loadIds, users.data, invalidate);
  const legend = useLegend(
    engine,
    options,
    visible,
    nameMap,
    colors,
    colorLegend,
    users.data,
    connectorHighlight,
    contextIds,
    summary.loaded,
    timeRangeMs,
    review,
  );

  const onOptions = useCallback(
    (patch: Partial<ViewOptions>) =>
      updateUrl(
        (s) => ({
          ...s,
          viewer: optionsToUrl(
            { ...optionsFromUrl(s.viewer, s.camera?.projection), ...patch },
            s.viewer,
          ),
        }),
        'replace',
      ),
    [updateUrl],
  );

  return (
    <Viewer3DLayout
      engine={engine}
      handle={handle}
      summary={summary}
      onNeedFull={requestFull}
      onSceneReady={onSceneReady}
      options={options}
      legend={legend}
      names={nameMap}
      users={userMap}
      catmaidUrl={catmaidUrl}
      initialPose={initialPose}
      command={command}
      volumeList={volumeList}
      volumeSettings={volumeSettings}
      defaultVolume={defaultVolumeSetting}
      volumeFailures={volumes.failed}
      connectorHighlight={connectorHighlight}
      contextIds={contextIds}
      onRetry={retryFailed}
      onOptions={onOptions}
      onView={(view: FrameView) => setCommand((c) => ({ view, seq: (c?.seq ?? 0) + 1 }))}
      onVolume={(id, s) =>
        updateUrl(
          (u) => ({ ...u, viewer: { ...u.viewer, volumes: withVolume(u.viewer.volumes, id, s) } }),
          'replace',
        )
      }
      onPoseEnd={(pose, projection) =>
        updateUrl((s) => ({ ...s, camera: { ...pose, projection } }), 'replace')
      }
      onHighlight={setHighlighted}
      onClearConnectorHighlight={() => setConnectorHighlight(null)}
      completeForExport={() => completeForExport(scope, resources, queryClient)}
      exportContext={() => ({
        engine,
        handle,
        names: nameMap,
        users: userMap,
        legend,
        options,
        skeletonIds: [...visibleIds, ...contextIds],
        volumes: volumes.shown,
        markers,
        source: `${server}, project ${projectId}`,
      })}
    />
  );
}
