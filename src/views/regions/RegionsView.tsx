/**
 * Regions: volumes as questions. The chosen volumes (in the URL) against the selection:
 * innervation table and heatmap, partners in a volume and the region matrix, a region search
 * and bounding-box queries. All mesh geometry runs in a worker.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { connectorsWithPartnersQuery } from '../../api/connector-partners.ts';
import { neuronNamesQuery } from '../../api/neuron-names.ts';
import { volumesQuery } from '../../api/volumes.ts';
import type { RegionPanel, RegionsUrlState } from '../../state/regions-url.ts';
import { useSelection } from '../../state/selection-context.tsx';
import { useUrlStore } from '../../state/url-store.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { QueryErrorMessage } from '../shared/QueryErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { useSelectionColors } from '../shared/selection-colors.ts';
import { BoundingBoxPanel } from './BoundingBoxPanel.tsx';
import { InnervationPanel } from './InnervationPanel.tsx';
import { RegionConnectivityPanel } from './RegionConnectivityPanel.tsx';
import { RegionSearchPanel } from './RegionSearchPanel.tsx';
import { VolumePicker } from './VolumePicker.tsx';
import { useRegionGeometry } from '../shared/use-region-geometry.ts';
import './regions.css';

const PANELS: { id: RegionPanel; label: string }[] = [
  { id: 'innervation', label: 'Innervation' },
  { id: 'connectivity', label: 'Region connectivity' },
  { id: '3d', label: '3D by region' },
  { id: 'search', label: 'Neurons in a region' },
  { id: 'bbox', label: 'Bounding box' },
];

const NO_POINTS = new Float32Array(0);

// three.js loads only when the 3D panel opens.
const Region3DPanel = lazy(() =>
  import('./Region3DPanel.tsx').then((m) => ({ default: m.Region3DPanel })),
);

export function RegionsView() {
  const scope = useProjectScope();
  const ids = useSelection((s) => s.items.map((i) => i.skeletonId));
  const colors = useSelectionColors();
  const { volumeIds, panel, measure } = useUrlStore((s) => s.state.regions);
  const updateUrl = useUrlStore((s) => s.update);
  const setRegions = (next: Partial<RegionsUrlState>) =>
    updateUrl((s) => ({ ...s, regions: { ...s.regions, ...next } }), 'replace');
  const volumes = useQuery(volumesQuery(scope));
  const known = useMemo(
    () => volumeIds.filter((id) => !volumes.data || volumes.data.some((v) => v.id === id)),
    [volumeIds, volumes.data],
  );
  const names = useQuery({ ...neuronNamesQuery(scope, ids), enabled: ids.length > 0 });
  const wantPartners = panel === 'connectivity' && ids.length > 0 && known.length > 0;
  const partners = useQuery({ ...connectorsWithPartnersQuery(scope, ids), enabled: wantPartners });
  const points = useMemo(() => {
    if (!wantPartners || !partners.data) return NO_POINTS;
    return Float32Array.from(partners.data.flatMap((c) => [c.x, c.y, c.z]));
  }, [wantPartners, partners.data]);
  const geometry = useRegionGeometry(
    scope,
    known,
    ids,
    points,
    points.length > 0 ? `partners:${points.length}` : '',
  );
  const methods = useMemo(
    () => new Map((geometry.result?.volumes ?? []).map((v) => [v.id, v.method])),
    [geometry.result],
  );
  const volumeNames = useMemo(
    () => (geometry.volumes ?? []).map((v) => v.name),
    [geometry.volumes],
  );
  const nameMap = names.data ?? new Map<number, string>();
  const selection = useMemo(() => new Set(ids), [ids]);
  // Skeletons that failed to load are left out (listed below), so compare with the loaded ones.
  const ready =
    geometry.result && geometry.result.innervation.length === (geometry.skeletons?.length ?? -1);

  return (
    <div className="view regions-view">
      <h1 className="visually-hidden">Regions</h1>
      <QueryErrorMessage query={volumes} context="Volumes failed" />
      <VolumePicker
        all={volumes.data ?? []}
        chosen={known}
        onChange={(next) => setRegions({ volumeIds: next })}
        meshes={geometry.volumes}
        methods={methods}
      />
      <div role="tablist" aria-label="Region panels" className="panel-tabs">
        {PANELS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={panel === p.id}
            onClick={() => setRegions({ panel: p.id })}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={PANELS.find((p) => p.id === panel)?.label}>
        {panel === 'search' ? (
          <RegionSearchPanel volumes={volumes.data ?? []} />
        ) : panel === 'bbox' ? (
          <BoundingBoxPanel volumes={geometry.volumes ?? []} />
        ) : ids.length === 0 ? (
          <p role="status" className="empty-note">
            The selection is empty. Add neurons (Search, or Neurons in a region) to see where they
            are.
          </p>
        ) : known.length === 0 ? (
          <p role="status" className="empty-note">
            Choose one or more volumes above.
          </p>
        ) : geometry.error ? (
          <ErrorMessage
            error={geometry.error}
            context="Loading skeletons or volumes failed"
            onRetry={geometry.retry}
          />
        ) : !ready || !geometry.result ? (
          <p role="status">
            Testing {ids.length} neurons against {known.length} volumes…
          </p>
        ) : panel === 'innervation' ? (
          <InnervationPanel
            innervation={geometry.result.innervation}
            volumeNames={volumeNames}
            names={nameMap}
            colors={colors}
            measure={measure}
            onMeasure={(m) => setRegions({ measure: m })}
          />
        ) : panel === '3d' ? (
          <Suspense fallback={<p role="status">Loading the 3D panel…</p>}>
            <Region3DPanel
              result={geometry.result}
              skeletons={geometry.skeletons ?? []}
              volumes={geometry.volumes ?? []}
              colors={colors}
            />
          </Suspense>
        ) : partners.isError ? (
          <QueryErrorMessage query={partners} context="Synapses of the selection failed" />
        ) : partners.data && geometry.result.pointInside[0]?.length === partners.data.length ? (
          <RegionConnectivityPanel
            connectors={partners.data}
            result={geometry.result}
            skeletons={geometry.skeletons ?? []}
            volumeNames={volumeNames}
            names={nameMap}
            selection={selection}
          />
        ) : (
          <p role="status">Loading the selection&apos;s synapses…</p>
        )}
      </div>
      {geometry.failedSkeletons.length > 0 ? (
        <p role="alert">Left out (could not be loaded): {geometry.failedSkeletons.join(', ')}</p>
      ) : null}
    </div>
  );
}
