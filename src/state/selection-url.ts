/**
 * The selection part of the URL (see url-state.ts for the whole schema), so a shared link
 * reproduces the neurons, their colours, opacity and visibility. It lives in the URL fragment
 * (`#…`), which the browser never sends to the server: a link with 10,000 neurons must not make
 * the page request too large to serve (HTTP 431).
 *
 *   #selz  the selection, compact (written): see selection-link-codec.ts
 *   #selby meta-annotation the colours follow ("colour by annotation"), e.g. `selby=cell+type`
 *
 * Older links (still read, never written) carry it in the query string:
 *   ?sel   neurons in selection order, joined by `-`; each `<skid>[_<rrggbb>][_<opacity>][_h]`
 *            skid     skeleton id (integer)
 *            rrggbb   colour, 6 hex digits without `#` (missing: the default palette colour)
 *            opacity  0..1, at most 3 decimals; omitted when 1
 *            h        the neuron is hidden
 *          e.g. `sel=16_ffb200-2333007_00ccff_0.6_h`; hand-written links may use `,` between
 *          neurons and `:` between fields.
 *   ?selby as #selby
 * A fragment selection wins over a query one.
 *
 * A selection of more than MAX_LINK_ITEMS neurons is not written (a reload then restores it
 * from localStorage; share it as an exported file instead).
 *
 * Parsing never throws: unreadable `sel` entries are skipped and returned in `rejected`, an
 * unreadable `selz` gives `problem` (so the UI can say so); repeated skeleton ids keep their
 * first entry. No selection key → `null` (the link says nothing; the stored selection stays).
 */
import { categoricalColor } from '../lib/colors.ts';
import { decodeSelectionLink, encodeSelectionLink } from './selection-link-codec.ts';
import type { SelectedSkeleton } from './selection-types.ts';

export interface SelectionUrlState {
  items: SelectedSkeleton[];
  colorBy: string | null;
  /** Entries of `sel` that could not be read (never written back). */
  rejected: string[];
  /** Why the link's compact selection could not be read, if it could not. */
  problem?: string | null;
}

const MAX_URL_SELECTION = 5000;
/** Largest selection written into the link (encoding it takes ~50 ms per 10,000 neurons). */
export const MAX_LINK_ITEMS = 20_000;
export const COMPACT_KEY = 'selz';
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

function colorByOf(params: URLSearchParams): string | null {
  const raw = (params.get('selby') ?? '').trim();
  return raw ? raw.slice(0, MAX_NAME) : null;
}

/** The old, readable `?sel=` form. */
function parseReadable(raw: string, colorBy: string | null): SelectionUrlState {
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
  return { items, colorBy, rejected };
}

/** `fragment` holds the keys after `#` (written form), `query` those after `?` (older links). */
export function parseSelectionUrl(
  query: URLSearchParams,
  fragment: URLSearchParams = new URLSearchParams(),
): SelectionUrlState | null {
  const compact = fragment.get(COMPACT_KEY);
  if (compact !== null) {
    const decoded = decodeSelectionLink(compact);
    const colorBy = colorByOf(fragment);
    if (decoded.ok) return { items: decoded.items, colorBy, rejected: [] };
    return { items: [], colorBy, rejected: [], problem: decoded.reason };
  }
  const raw = query.get('sel');
  return raw === null ? null : parseReadable(raw, colorByOf(query));
}

function opacityText(opacity: number): string {
  return String(Math.round(opacity * 1000) / 1000);
}

/** The readable form (old links, and what the docs show). */
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

// Encoding 10,000 neurons takes tens of ms: reuse the last result while the items are unchanged.
let lastItems: readonly SelectedSkeleton[] | null = null;
let lastEncoded = '';

function encodeCached(items: readonly SelectedSkeleton[]): string {
  if (items !== lastItems) {
    lastEncoded = encodeSelectionLink(items);
    lastItems = items;
  }
  return lastEncoded;
}

/** Writes the compact form into the fragment's params. */
export function writeSelectionUrl(
  state: SelectionUrlState | null,
  fragment: URLSearchParams,
): void {
  if (!state || state.items.length === 0 || state.items.length > MAX_LINK_ITEMS) return;
  fragment.set(COMPACT_KEY, encodeCached(state.items));
  if (state.colorBy) fragment.set('selby', state.colorBy);
}
