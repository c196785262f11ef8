/**
 * Defensive reading of a persisted selection (localStorage may hold a corrupted or foreign
 * value): keep only well-formed rows and fields, never throw.
 */
import { categoricalColor } from '../lib/colors.ts';
import { isColorSchemeId, normalizeHexColor, type ColorSchemeId } from './selection-schemes.ts';
import type { ColorLegendEntry, SelectedSkeleton } from './selection-types.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sanitizeItems(raw: unknown): SelectedSkeleton[] {
  if (!Array.isArray(raw)) return [];
  const out: SelectedSkeleton[] = [];
  const seen = new Set<number>();
  for (const r of raw as unknown[]) {
    if (!isRecord(r)) continue;
    const id = r.skeletonId;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0 || seen.has(id)) continue;
    seen.add(id);
    out.push({
      skeletonId: id,
      color: normalizeHexColor(r.color) ?? categoricalColor(out.length),
      visible: r.visible !== false,
      opacity: typeof r.opacity === 'number' && r.opacity >= 0 && r.opacity <= 1 ? r.opacity : 1,
    });
  }
  return out;
}

function sanitizeLegend(raw: unknown): ColorLegendEntry[] | null {
  if (!Array.isArray(raw)) return null;
  const out: ColorLegendEntry[] = [];
  for (const r of raw as unknown[]) {
    if (!isRecord(r) || typeof r.label !== 'string' || typeof r.count !== 'number') return null;
    const color = normalizeHexColor(r.color);
    if (!color) return null;
    out.push({ label: r.label, color, count: r.count });
  }
  return out;
}

export interface PersistedSelection {
  items: SelectedSkeleton[];
  colorScheme: ColorSchemeId;
  colorBy: string | null;
  colorLegend: ColorLegendEntry[] | null;
  panelOpen: boolean;
}

export function sanitizePersisted(persisted: unknown): PersistedSelection {
  const p = isRecord(persisted) ? persisted : {};
  const colorBy = typeof p.colorBy === 'string' && p.colorBy ? p.colorBy : null;
  return {
    items: sanitizeItems(p.items),
    colorScheme: isColorSchemeId(p.colorScheme) ? p.colorScheme : 'tableau',
    colorBy,
    colorLegend: colorBy ? sanitizeLegend(p.colorLegend) : null,
    panelOpen: p.panelOpen === true,
  };
}
