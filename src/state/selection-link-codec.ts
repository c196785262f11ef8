/**
 * The compact form of a selection in a link (`selz`, see selection-url.ts): 10,000 neurons with
 * colours fit in ~30 KB instead of ~170 KB. Binary layout (then deflated, then base64url):
 *
 *   version         1 byte (= 1)
 *   n               varint, number of neurons
 *   palette         varint P, then P × 3 bytes RGB (each distinct colour once)
 *   ids             n varints: skeleton ids sorted ascending, delta-encoded (first absolute)
 *   ordered         1 byte: 1 = a permutation follows (the selection order is not ascending)
 *   permutation     n varints: for each neuron in selection order, its index among sorted ids
 *   colour          n varints (sorted order): palette index
 *   style           n varints (sorted order): (1000 − round(opacity × 1000)) × 2 + hidden;
 *                   0 for the common "visible, opaque"
 *
 * Columns rather than records, so deflate finds the runs. Decoding never throws: it returns
 * either the neurons or a reason, and refuses input that would inflate beyond MAX_INFLATED.
 * It imports nothing else of the app, so e2e tests (tsconfig.node.json) build links with it.
 */
import { deflateSync, Inflate } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { ByteReader, ByteWriter } from './varint-bytes.ts';

const VERSION = 1;
/** More than any link should carry; bounds what a hostile link can make us allocate. */
const MAX_LINK_NEURONS = 200_000;
const MAX_INFLATED = 64 * MAX_LINK_NEURONS;
const MAX_TEXT = 4 * MAX_INFLATED;

/** A selected neuron (LinkNeuron; restated so e2e can build links without the app's types). */
export interface LinkNeuron {
  skeletonId: number;
  color: string;
  visible: boolean;
  opacity: number;
}

export type DecodedLink = { ok: true; items: LinkNeuron[] } | { ok: false; reason: string };

function styleCode(item: LinkNeuron): number {
  const op = Number.isFinite(item.opacity) ? Math.min(1, Math.max(0, item.opacity)) : 1;
  return (1000 - Math.round(op * 1000)) * 2 + (item.visible ? 0 : 1);
}

export function encodeSelectionLink(items: readonly LinkNeuron[]): string {
  const sorted = items.map((item, index) => ({ item, index }));
  sorted.sort((a, b) => a.item.skeletonId - b.item.skeletonId);
  const w = new ByteWriter();
  w.byte(VERSION);
  w.varint(items.length);
  const palette = new Map<string, number>();
  for (const { item } of sorted)
    if (!palette.has(item.color)) palette.set(item.color, palette.size);
  w.varint(palette.size);
  for (const color of palette.keys()) {
    const rgb = parseInt(color.slice(1, 7), 16) || 0;
    w.byte(rgb >> 16);
    w.byte(rgb >> 8);
    w.byte(rgb);
  }
  let previous = 0;
  for (const { item } of sorted) {
    w.varint(item.skeletonId - previous);
    previous = item.skeletonId;
  }
  const ordered = sorted.some((s, k) => s.index !== k);
  w.byte(ordered ? 1 : 0);
  if (ordered) {
    const rank = new Array<number>(items.length);
    sorted.forEach((s, k) => (rank[s.index] = k));
    for (const r of rank) w.varint(r);
  }
  for (const { item } of sorted) w.varint(palette.get(item.color) ?? 0);
  for (const { item } of sorted) w.varint(styleCode(item));
  return toBase64Url(deflateSync(w.bytes(), { level: 6 }));
}

function inflateBounded(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const stream = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_INFLATED) throw new RangeError('the link is too large');
    parts.push(chunk);
  });
  stream.push(data, true);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function readItems(r: ByteReader): LinkNeuron[] {
  if (r.byte() !== VERSION) throw new RangeError('it was made by a newer version of the dashboard');
  const n = r.varint(MAX_LINK_NEURONS);
  const paletteSize = r.varint(n);
  const palette: string[] = [];
  for (let i = 0; i < paletteSize; i++) {
    const rgb = (r.byte() << 16) | (r.byte() << 8) | r.byte();
    palette.push(`#${rgb.toString(16).padStart(6, '0')}`);
  }
  const ids = new Array<number>(n);
  let id = 0;
  for (let k = 0; k < n; k++) {
    const delta = r.varint();
    if (k > 0 && delta === 0) throw new RangeError('a skeleton id is repeated');
    id += delta;
    if (!Number.isSafeInteger(id)) throw new RangeError('a skeleton id is out of range');
    ids[k] = id;
  }
  const ordered = r.byte();
  if (ordered > 1) throw new RangeError('the order flag is invalid');
  const order = new Array<number>(n);
  if (ordered) {
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = n === 0 ? 0 : r.varint(n - 1);
      if (seen[k]) throw new RangeError('the order repeats a neuron');
      seen[k] = 1;
      order[i] = k;
    }
  } else for (let i = 0; i < n; i++) order[i] = i;
  const colors = new Array<string>(n);
  for (let k = 0; k < n; k++) colors[k] = palette[r.varint(Math.max(0, paletteSize - 1))] ?? '';
  if (n > 0 && paletteSize === 0) throw new RangeError('the colours are missing');
  const styles = new Array<number>(n);
  for (let k = 0; k < n; k++) styles[k] = r.varint(2001);
  if (!r.done) throw new RangeError('it has unexpected data at the end');
  return order.map((k) => {
    const style = styles[k] ?? 0;
    return {
      skeletonId: ids[k] ?? 0,
      color: colors[k] ?? '#000000',
      visible: style % 2 === 0,
      opacity: (1000 - Math.floor(style / 2)) / 1000,
    };
  });
}

export function decodeSelectionLink(text: string): DecodedLink {
  if (text.length > MAX_TEXT) return { ok: false, reason: 'the link is too large' };
  const bytes = fromBase64Url(text.trim());
  if (!bytes || bytes.length === 0)
    return { ok: false, reason: 'it is not in the compact link format (base64url)' };
  try {
    return { ok: true, items: readItems(new ByteReader(inflateBounded(bytes))) };
  } catch (err) {
    const why = err instanceof RangeError ? err.message : 'it is damaged or truncated';
    return { ok: false, reason: why };
  }
}
