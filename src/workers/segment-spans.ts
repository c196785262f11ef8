/**
 * Which byte ranges of a segment file to read for some of its copies. Copies are appended in the
 * order their loads ended, and read back in the order a scene asks for them, so the copies one
 * read wants lie scattered among others: one read from the first to the last of them read 2.5×
 * the bytes needed at lab scale (100 MB for the 40 MB of a reload's display copies, and most
 * spans more than once). Copies closer than `maxGap` bytes share a read (one read costs more
 * than a few KB read in vain); the others are read on their own.
 */

export interface Placed {
  ref: { offset: number; length: number };
}

export interface Span<T extends Placed> {
  from: number;
  to: number;
  items: T[];
}

/** Gaps up to this are read through rather than split into two reads. */
const SPAN_MAX_GAP = 64 * 1024;

export function spansOf<T extends Placed>(items: readonly T[], maxGap = SPAN_MAX_GAP): Span<T>[] {
  const sorted = [...items].sort((a, b) => a.ref.offset - b.ref.offset);
  const spans: Span<T>[] = [];
  let last: Span<T> | undefined;
  for (const item of sorted) {
    const { offset, length } = item.ref;
    if (last && offset - last.to <= maxGap) {
      last.to = Math.max(last.to, offset + length);
      last.items.push(item);
    } else {
      last = { from: offset, to: offset + length, items: [item] };
      spans.push(last);
    }
  }
  return spans;
}
