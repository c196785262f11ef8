/**
 * CATMAID's selection-table file (API ref §12.2): a JSON array of
 * `{"skeleton_id": 16, "color": "#ffb200", "opacity": 1}`, written exactly like CATMAID's
 * Selection Table "Save JSON" (`JSON.stringify(data, null, ' ')`, lowercase #rrggbb), read with
 * its loader's rules: the root must be an array; entries without `skeleton_id` are ignored;
 * a missing or falsy `color` / `opacity` takes the default (so `opacity: 0` becomes the default).
 * Unlike CATMAID, an entry whose values cannot be read (a non-numeric id, an unreadable colour,
 * an opacity outside 0..1) rejects the whole file, naming the entry, instead of importing junk.
 * Checking that the skeletons exist (CATMAID drops unknown ones) needs the server: see
 * `resolveFileEntries`.
 */
import { normalizeHexColor } from './selection-schemes.ts';
import type { SelectedSkeleton } from './selection-types.ts';

export interface SelectionFileEntry {
  skeletonId: number;
  /** null: use the default colour. */
  color: string | null;
  /** null: use the default opacity. */
  opacity: number | null;
}

export type SelectionFileResult =
  { ok: true; entries: SelectionFileEntry[]; ignored: number } | { ok: false; error: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

function readId(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return raw;
  if (typeof raw === 'string' && /^\s*\d{1,16}\s*$/.test(raw)) {
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

function readEntry(raw: Record<string, unknown>, n: number): SelectionFileEntry | string {
  const skeletonId = readId(raw.skeleton_id);
  if (skeletonId === null)
    return `entry ${n}: skeleton_id ${describe(raw.skeleton_id)} is not a skeleton id`;
  let color: string | null = null;
  if (raw.color) {
    color = normalizeHexColor(raw.color);
    if (!color)
      return `entry ${n} (skeleton ${skeletonId}): color ${describe(raw.color)} is not a #rrggbb colour`;
  }
  let opacity: number | null = null;
  if (raw.opacity) {
    const o = raw.opacity;
    if (typeof o !== 'number' || !(o >= 0 && o <= 1))
      return `entry ${n} (skeleton ${skeletonId}): opacity ${describe(o)} is not a number from 0 to 1`;
    opacity = o;
  }
  return { skeletonId, color, opacity };
}

export function parseSelectionFile(text: string): SelectionFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `The file is not valid JSON (${detail}).` };
  }
  if (!Array.isArray(data))
    return {
      ok: false,
      error: `The file is not a CATMAID selection: expected a JSON array of {"skeleton_id", "color", "opacity"}, found ${describe(data)}.`,
    };
  const entries: SelectionFileEntry[] = [];
  let ignored = 0;
  for (const [i, raw] of (data as unknown[]).entries()) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('skeleton_id' in raw)) {
      ignored++;
      continue;
    }
    const entry = readEntry(raw as Record<string, unknown>, i + 1);
    if (typeof entry === 'string')
      return { ok: false, error: `The file has a malformed ${entry}.` };
    entries.push(entry);
  }
  if (entries.length === 0)
    return {
      ok: false,
      error:
        data.length === 0
          ? 'The file lists no neurons (an empty array).'
          : `The file is not a CATMAID selection: none of its ${data.length} entries has a "skeleton_id".`,
    };
  return { ok: true, entries, ignored };
}

/**
 * File entries → selection rows, keeping only skeletons the server knows (`known`), in file
 * order (a repeated id keeps its first place and its last values). `defaultColor(i)` colours
 * the i-th row that has no colour.
 */
export function resolveFileEntries(
  entries: readonly SelectionFileEntry[],
  known: ReadonlySet<number>,
  defaultColor: (index: number) => string,
): { items: SelectedSkeleton[]; unknown: number[] } {
  const byId = new Map<number, SelectedSkeleton>();
  // A Set, not Array.includes: 100,000 unknown ids were 5·10⁹ comparisons (a frozen tab).
  const unknown = new Set<number>();
  for (const e of entries) {
    if (!known.has(e.skeletonId)) {
      unknown.add(e.skeletonId);
      continue;
    }
    const previous = byId.get(e.skeletonId);
    byId.set(e.skeletonId, {
      skeletonId: e.skeletonId,
      color: e.color ?? previous?.color ?? defaultColor(byId.size),
      opacity: e.opacity ?? 1,
      visible: true,
    });
  }
  return { items: [...byId.values()], unknown: [...unknown] };
}

/** CATMAID's "Save JSON" format, byte for byte. */
export function serializeSelectionFile(items: readonly SelectedSkeleton[]): string {
  const data = items.map((i) => ({
    skeleton_id: i.skeletonId,
    color: i.color.toLowerCase(),
    opacity: i.opacity,
  }));
  return JSON.stringify(data, null, ' ');
}

/** CATMAID's default file name: `catmaid-skeletons-YYYY-M-D.json` (no zero padding). */
export function selectionFileName(now: Date): string {
  return `catmaid-skeletons-${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}.json`;
}
