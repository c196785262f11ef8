/**
 * The selection part of the URL (see url-state.ts for the whole schema), so a shared link
 * reproduces the neurons, their colours, opacity and visibility.
 *
 *   sel    neurons in selection order, joined by `-`; each `<skid>[_<rrggbb>][_<opacity>][_h]`
 *            skid     skeleton id (integer)
 *            rrggbb   colour, 6 hex digits without `#` (missing: the default palette colour)
 *            opacity  0..1, at most 3 decimals; omitted when 1
 *            h        the neuron is hidden
 *          e.g. `sel=16_ffb200-2333007_00ccff_0.6_h`. These separators survive URL encoding
 *          unescaped (`:` and `,` would triple in length), which matters: a page request
 *          line must stay under the server's header limit (Node: 16 KB). Hand-written links
 *          may use `,` between neurons and `:` between fields.
 *   selby  meta-annotation the colours follow ("colour by annotation"), e.g. `selby=cell type`
 *
 * A selection of more than MAX_LINK_ITEMS neurons is not written (a reload then restores it
 * from localStorage; share it as an exported file instead).
 *
 * Parsing never throws: unreadable entries are skipped and returned in `rejected` (so the UI can
 * name them), repeated skeleton ids keep their first entry. No `sel` key → `null` (the link says
 * nothing about the selection; the stored one stays).
 */
import { categoricalColor } from '../lib/colors.ts';
import type { SelectedSkeleton } from './selection-types.ts';

export interface SelectionUrlState {
  items: SelectedSkeleton[];
  colorBy: string | null;
  /** Entries of `sel` that could not be read (never written back). */
  rejected: string[];
}

export const MAX_URL_SELECTION = 5000;
/** Largest selection written into the URL (~12 KB of `sel`). */
export const MAX_LINK_ITEMS = 800;
const MAX_NAME = 500;
const MAX_REJECTED_SHOWN = 20;
const TOKEN = /^(\d{1,16})(?:[:_]([0-9a-f]{6}))?(?:[:_](0|1|1\.0{1,3}|0?\.\d{1,3}))?([:_]h)?$/i;

function parseToken(token: string, index: number): SelectedSkeleton | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const skeletonId = Number(m[1]);
  if (!Number.isSafeInteger(skeletonId)) return null;
  return {
    skeletonId,
    color: m[2] ? `#${m[2].toLowerCase()}` : categoricalColor(index),
    opacity: m[3] === undefined ? 1 : Number(m[3]),
    visible: m[4] === undefined,
  };
}

export function parseSelectionUrl(params: URLSearchParams): SelectionUrlState | null {
  const raw = params.get('sel');
  if (raw === null) return null;
  const byRaw = (params.get('selby') ?? '').trim();
  const items: SelectedSkeleton[] = [];
  const rejected: string[] = [];
  const seen = new Set<number>();
  for (const part of raw.split(/[,-]/)) {
    const token = part.trim();
    if (!token) continue;
    const item = items.length < MAX_URL_SELECTION ? parseToken(token, items.length) : null;
    if (!item) {
      if (rejected.length < MAX_REJECTED_SHOWN) rejected.push(token.slice(0, 40));
      continue;
    }
    if (seen.has(item.skeletonId)) continue;
    seen.add(item.skeletonId);
    items.push(item);
  }
  return { items, colorBy: byRaw ? byRaw.slice(0, MAX_NAME) : null, rejected };
}

function opacityText(opacity: number): string {
  return String(Math.round(opacity * 1000) / 1000);
}

export function serializeSelectionItems(items: readonly SelectedSkeleton[]): string {
  return items
    .map((i) => {
      let token = `${i.skeletonId}_${i.color.replace(/^#/, '').toLowerCase()}`;
      if (i.opacity !== 1) token += `_${opacityText(i.opacity)}`;
      if (!i.visible) token += '_h';
      return token;
    })
    .join('-');
}

export function writeSelectionUrl(state: SelectionUrlState | null, params: URLSearchParams): void {
  if (!state || state.items.length === 0 || state.items.length > MAX_LINK_ITEMS) return;
  params.set('sel', serializeSelectionItems(state.items));
  if (state.colorBy) params.set('selby', state.colorBy);
}

/** Equal as far as the URL is concerned (what `writeSelectionUrl` would write). */
export function sameSelectionUrl(
  a: SelectionUrlState | null,
  b: SelectionUrlState | null,
): boolean {
  const pa = new URLSearchParams();
  const pb = new URLSearchParams();
  writeSelectionUrl(a, pa);
  writeSelectionUrl(b, pb);
  return pa.toString() === pb.toString();
}
