import { useMemo } from 'react';
import type { User } from '../../api/users.ts';
import { buildLegend, type LegendModel } from '../../3d/export/legend-model.ts';
import { unitRgb } from '../../3d/geometry/colour-modes.ts';
import { CONTEXT_COLOUR } from '../../3d/export/marker-colours.ts';
import type { ReviewLegendInput } from '../../3d/colour-modes/types.ts';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import type {
  ColorLegendEntry,
  ConnectorHighlight,
  SelectedSkeleton,
} from '../../state/selection-store.ts';
import type { ViewOptions } from './view-options.ts';

/** Creators of the loaded, visible neurons' nodes, most nodes first. */
function creatorsOf(engine: ViewerEngine, ids: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of ids) {
    const d = engine.model.bySkeleton.get(id)?.detail;
    if (!d) continue;
    for (let i = 0; i < d.nodeCount; i++) {
      const u = d.creatorIds[i] ?? 0;
      counts.set(u, (counts.get(u) ?? 0) + 1);
    }
  }
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

export function useLegend(
  engine: ViewerEngine,
  options: ViewOptions,
  visible: readonly SelectedSkeleton[],
  names: ReadonlyMap<number, string>,
  colors: ReadonlyMap<number, string>,
  groups: ColorLegendEntry[] | null,
  users: readonly User[] | undefined,
  highlight: ConnectorHighlight | null,
  contextIds: readonly number[],
  loadedCount: number,
  timeRangeMs: [number, number] | null = null,
  review: ReviewLegendInput | null = null,
): LegendModel {
  const mode = options.colourMode;
  const creators = useMemo(
    () =>
      mode === 'creator' && loadedCount >= 0
        ? creatorsOf(
            engine,
            visible.map((v) => v.skeletonId),
          )
        : new Map<number, number>(),
    [mode, engine, visible, loadedCount],
  );
  return useMemo(() => {
    const byId = new Map((users ?? []).map((u) => [u.id, u]));
    const m = engine.model;
    return buildLegend({
      mode,
      neurons: visible.map((v) => ({
        skeletonId: v.skeletonId,
        name: names.get(v.skeletonId) ?? `skeleton ${v.skeletonId}`,
        color: colors.get(v.skeletonId) ?? v.color,
      })),
      groups,
      creators: [...creators.keys()].map((id) => {
        const u = byId.get(id);
        return { login: u?.login ?? `user ${id}`, rgb: u ? unitRgb(u.color) : [128, 128, 128] };
      }),
      maxStrahler: loadedCount >= 0 ? m.maxStrahler : 1,
      zRangeNm: Number.isFinite(m.bounds.min[2]) ? [m.bounds.min[2], m.bounds.max[2]] : null,
      timeRangeMs,
      review,
      showPre: options.showPre,
      showPost: options.showPost,
      connectorHighlight: highlight
        ? `${highlight.positions.length / 3} highlighted ${highlight.unit ?? 'synapses'}: ${highlight.label}`
        : null,
      context:
        contextIds.length > 0
          ? {
              label:
                contextIds.length === 1
                  ? `${names.get(contextIds[0] ?? 0) ?? `skeleton ${contextIds[0]}`} (not in the selection)`
                  : `${contextIds.length} partners (not in the selection)`,
              rgb: CONTEXT_COLOUR,
            }
          : null,
    });
  }, [
    mode,
    engine,
    visible,
    names,
    colors,
    groups,
    creators,
    users,
    options.showPre,
    options.showPost,
    highlight,
    contextIds,
    loadedCount,
    timeRangeMs,
    review,
  ]);
}
