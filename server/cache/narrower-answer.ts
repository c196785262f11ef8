/**
 * A compact-detail answer asked with fewer flags is part of one asked with more: CATMAID's value
 * is always `[nodes, connectors, tags, reviews, annotations]`, a flag left out gives that slot
 * empty (`[]`, `{}`), and the node rows do not depend on the other flags (docs: catmaid-api.md
 * 4.1). So the 3D view's geometry-first request (nodes only) is answered from the cached full
 * entry (connectors and tags) that any earlier scene, colleague or `cache warm` left, byte for
 * byte what CATMAID sends, instead of costing CATMAID a second build of the same skeleton.
 *
 * Only flag sets that differ in connectors and tags are derived (user info changes the shape of
 * the other slots, reviews and annotations are not what the app caches in full).
 */

import { jsonValueEnd } from './json-batch.ts';
import { msgpackArrayParts } from './msgpack-batch.ts';

/** The flag of each slot after the nodes (slot 0, always present). */
const SLOT_FLAGS = ['connectors', 'tags', 'reviews', 'annotations'] as const;
const DERIVABLE = new Set(['connectors', 'tags']);

const EMPTY_JSON = ['[]', '{}', '[]', '[]'].map((s) => Buffer.from(s));
const EMPTY_MSGPACK = [0x90, 0x80, 0x90, 0x90].map((b) => Buffer.from([b]));

function parseVariant(variant: string): { flags: Set<string>; format: string } {
  const [flags = '', format = ''] = variant.split('|');
  return { flags: new Set(flags === 'nodes' ? [] : flags.split('+')), format };
}

/**
 * The cache variant whose entries hold everything `variant` asks for (the app's full one,
 * connectors and tags, in the same format), or null when there is none to derive it from.
 */
export function fullerVariant(variant: string): string | null {
  const { flags, format } = parseVariant(variant);
  const fuller = new Set([...flags, ...DERIVABLE]);
  if (fuller.size === flags.size || !format) return null;
  return `${[...fuller].sort().join('+')}|${format}`;
}

/**
 * `value` (one skeleton's answer in the fuller variant) as CATMAID answers `variant`: the slots
 * of flags not asked for emptied. null when the bytes are not a compact-detail value.
 */
export function narrowValue(value: Buffer, variant: string): Buffer | null {
  const { flags, format } = parseVariant(variant);
  const keep = (slot: number) => slot === 0 || flags.has(SLOT_FLAGS[slot - 1] ?? '');
  if (format === 'msgpack') {
    const parts = msgpackArrayParts(value);
    if (!parts) return null;
    const out = parts.elements.map((e, i) => (keep(i) ? e : (EMPTY_MSGPACK[i - 1] ?? e)));
    return Buffer.concat([parts.header, ...out]);
  }
  const elements = jsonArrayElements(value);
  if (!elements) return null;
  const out: Buffer[] = [Buffer.from('[')];
  elements.forEach((e, i) => {
    if (i > 0) out.push(Buffer.from(','));
    out.push(keep(i) ? e : (EMPTY_JSON[i - 1] ?? e));
  });
  out.push(Buffer.from(']'));
  return Buffer.concat(out);
}

/** The elements of a compact JSON array (DRF writes no spaces), or null for anything else. */
function jsonArrayElements(buf: Buffer): Buffer[] | null {
  if (buf[0] !== 0x5b || buf[buf.length - 1] !== 0x5d) return null;
  const out: Buffer[] = [];
  let i = 1;
  if (buf[i] === 0x5d) return i + 1 === buf.length ? out : null;
  for (;;) {
    const end = jsonValueEnd(buf, i);
    if (end <= i) return null;
    out.push(buf.subarray(i, end));
    if (buf[end] === 0x2c) i = end + 1;
    else return buf[end] === 0x5d && end + 1 === buf.length ? out : null;
  }
}
