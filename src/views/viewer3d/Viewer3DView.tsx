import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dashboardConfigQuery } from '../../api/dashboard-config.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { indexUsers, usersQuery } from '../../api/users.ts';
import { volumesQuery } from '../../api/volumes.ts';
import type { CameraCommand } from '../../3d/scene/CameraRig.tsx';
import type { AxisView, CameraPose } from '../../3d/scene/camera-math.ts';
import { ViewerHandle } from '../../3d/scene/viewer-handle.ts';
import { createCatmaidClient } from '../../lib/http/client.ts';
import { useSelection, useSelectionStore } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { useSelectionColors, useVisibleSelection } from '../shared/selection-colors.ts';
import { useBenchHook } from './bench-hook.ts';
import { viewerResources } from './engine-cache.ts';
import { Viewer3DLayout } from './Viewer3DLayout.tsx';
import { useLegend } from './use-legend.ts';
import {
  highlightPositions,
  useEngineOptions,
  useNeuronStyles,
  useVolumes,
} from './use-scene-sync.ts';
import { useSkeletonLoading } from './use-skeleton-loading.ts';
import {
  defaultViewOptions,
  VOLUME_COLOURS,
  type ViewOptions,
  type VolumeSetting,
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
  const { summary, retryFailed } = useSkeletonLoading(scope, resources, visibleIds);

  const names = useQuery(
    neuronNamesQuery(
      scope,
      items.map((i) => i.skeletonId),
    ),
  );
  const nameMap = useMemo(() => names.data ?? new Map<number, string>(), [names.data]);
  const users = useQuery(usersQuery(scope));
  const userMap = useMemo(() => indexUsers(users.data ?? []), [users.data]);
  const proxyClient = useMemo(() => createCatmaidClient({ baseUrl: '/api' }), []);
  const config = useQuery(dashboardConfigQuery(proxyClient));
  const catmaidUrl =
    config.data && !config.data.server.isDemo && config.data.server.url
      ? config.data.server.url
      : null;
  const volumeList = useQuery(volumesQuery(scope));

  const urlCamera = useUrlStore((s) => s.state.camera);
  const updateUrl = useUrlStore((s) => s.update);
  const [initialPose] = useState<CameraPose | null>(() => urlCamera ?? null);
  const [options, setOptions] = useState<ViewOptions>(() => ({
    ...defaultViewOptions,
    projection: urlCamera?.projection ?? 'perspective',
  }));
  const [volumeSettings, setVolumeSettings] = useState<ReadonlyMap<number, VolumeSetting>>(
    new Map(),
  );
  const [command, setCommand] = useState<CameraCommand | null>(null);

  useNeuronStyles(engine, items, colors);
  useEngineOptions(engine, options, users.data, highlighted, invalidate);
  const volumes = useVolumes(scope, engine, volumeSettings, invalidate);
  const markers = useMemo(
    () =>
      summary.loaded >= 0 ? highlightPositions(engine, connectorHighlight) : new Float32Array(0),
    [engine, connectorHighlight, summary.loaded],
  );
  useEffect(() => {
    engine.setMarkers(markers);
    invalidate();
  }, [engine, markers, invalidate]);
  const legend = useLegend(
    engine,
    options,
    visible,
    nameMap,
    colors,
    colorLegend,
    users.data,
    connectorHighlight,
    summary.loaded,
  );

  const defaultVolume = useCallback(
    (id: number): VolumeSetting => ({
      shown: false,
      color: VOLUME_COLOURS[id % VOLUME_COLOURS.length] ?? '#999999',
      opacity: 0.2,
    }),
    [],
  );

  return (
    <Viewer3DLayout
      engine={engine}
      handle={handle}
      summary={summary}
      options={options}
      legend={legend}
      names={nameMap}
      users={userMap}
      catmaidUrl={catmaidUrl}
      initialPose={initialPose}
      command={command}
      volumeList={volumeList}
      volumeSettings={volumeSettings}
      defaultVolume={defaultVolume}
      volumeFailures={volumes.failed}
      connectorHighlight={connectorHighlight}
      onRetry={retryFailed}
      onOptions={(patch) => setOptions((o) => ({ ...o, ...patch }))}
      onView={(view: AxisView) => setCommand((c) => ({ view, seq: (c?.seq ?? 0) + 1 }))}
      onVolume={(id, s) => setVolumeSettings((m) => new Map(m).set(id, s))}
      onPoseEnd={(pose, projection) =>
        updateUrl((s) => ({ ...s, camera: { ...pose, projection } }), 'replace')
      }
      onHighlight={setHighlighted}
      onClearConnectorHighlight={() => setConnectorHighlight(null)}
      exportContext={() => ({
        engine,
        handle,
        names: nameMap,
        users: userMap,
        legend,
        options,
        skeletonIds: visibleIds,
        volumes: volumes.shown,
        markers,
        source: `${server}, project ${projectId}`,
      })}
    />
  );
}
