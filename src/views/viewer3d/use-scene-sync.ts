/**
 * Pushes view state into the engine: neuron colours / visibility (the selection's colour map),
 * user colours, highlight, colour mode, layer toggles, detail level, marker size and volumes.
 */
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ProjectScope } from '../../api/scope.ts';
import type { User } from '../../api/users.ts';
import { volumeQuery, type Volume } from '../../api/volumes.ts';
import { hexToRgb, unitRgb } from '../../3d/geometry/colour-modes.ts';
import { CONTEXT_ALPHA, CONTEXT_COLOUR } from '../../3d/export/marker-colours.ts';
import type { SvgVolume } from '../../3d/export/svg-document.ts';
import type { NeuronStyle, ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import type { SelectedSkeleton } from '../../state/selection-store.ts';
import type { ViewOptions, VolumeSetting } from './view-options.ts';

export function useNeuronStyles(
  engine: ViewerEngine,
  items: readonly SelectedSkeleton[],
  colors: ReadonlyMap<number, string>,
  contextIds: readonly number[],
) {
  useEffect(() => {
    const styles = new Map<number, NeuronStyle>();
    for (const id of contextIds) styles.set(id, { rgb: CONTEXT_COLOUR, alpha: CONTEXT_ALPHA });
    for (const i of items) {
      styles.set(i.skeletonId, {
        rgb: hexToRgb(colors.get(i.skeletonId) ?? i.color),
        alpha: i.visible ? i.opacity : 0,
      });
    }
    engine.setStyles(styles);
  }, [engine, items, colors, contextIds]);
}

export function useEngineOptions(
  engine: ViewerEngine,
  options: ViewOptions,
  users: readonly User[] | undefined,
  highlighted: number | null,
  invalidate: () => void,
) {
  useEffect(() => {
    engine.setColourMode(options.colourMode);
    engine.setConnectorVisibility(options.showPre, options.showPost, 5);
    engine.setSomataVisible(options.showSomata);
    engine.setBackground(options.background === 'black' ? [0, 0, 0] : [255, 255, 255]);
    engine.setHighlight(highlighted);
    engine.setDetailPreference(options.detail);
    engine.setMarkerSize(options.markerSize);
    invalidate();
  }, [engine, options, highlighted, invalidate]);

  useEffect(() => {
    if (!users) return;
    engine.setUserColours(users.map((u) => ({ id: u.id, rgb: unitRgb(u.color) })));
    invalidate();
  }, [engine, users, invalidate]);
}

export function useVolumes(
  scope: ProjectScope,
  engine: ViewerEngine,
  settings: ReadonlyMap<number, VolumeSetting>,
  invalidate: () => void,
): { shown: SvgVolume[]; failed: Map<number, unknown> } {
  const ids = useMemo(() => [...settings].filter(([, s]) => s.shown).map(([id]) => id), [settings]);
  // `combine` is structurally shared: the same loaded volumes give the same array.
  const loadedVolumes = useQueries({
    queries: ids.map((id) => volumeQuery(scope, id)),
    combine: (results) => results.map((r) => (r.data ? r.data : r.isError ? r.error : null)),
  });
  const failed = new Map<number, unknown>();
  loadedVolumes.forEach((r, i) => {
    const id = ids[i];
    if (r instanceof Error && id !== undefined) failed.set(id, r);
  });
  const shown = useMemo(
    () =>
      loadedVolumes.flatMap((v): { volume: Volume; setting: VolumeSetting }[] => {
        if (!v || v instanceof Error || typeof v !== 'object') return [];
        const volume = v as Volume;
        const setting = settings.get(volume.id);
        return setting ? [{ volume, setting }] : [];
      }),
    [loadedVolumes, settings],
  );
  useEffect(() => {
    engine.setVolumes(
      shown.map(({ volume, setting }) => ({
        volume,
        style: { rgb: hexToRgb(setting.color), opacity: setting.opacity },
      })),
    );
    invalidate();
  }, [engine, shown, invalidate]);
  return {
    shown: shown.map(({ volume, setting }) => ({
      name: volume.name,
      positions: volume.mesh.positions,
      indices: volume.mesh.indices,
      rgb: hexToRgb(setting.color),
      opacity: setting.opacity,
    })),
    failed,
  };
}
