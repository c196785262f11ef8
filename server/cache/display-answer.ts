/**
 * The display route's answer: `packDisplayBatch` of the packs in request order (ids without a
 * pack left out of the table), with its length, written corked so the parts leave in one writev
 * instead of one syscall each.
 */
import type { ServerResponse } from 'node:http';
import { DISPLAY_CONTENT_TYPE, packDisplayBatch } from '../../src/3d/geometry/display-pack.ts';

/** The table in request order, then the packs; corked so the parts leave in one writev. */
export function writeDisplayAnswer(
  res: ServerResponse,
  order: number[],
  packs: Map<number, Buffer>,
): void {
  const table: [number, Uint8Array][] = [];
  for (const id of order) {
    const pack = packs.get(id);
    if (pack) table.push([id, pack]);
  }
  const parts = packDisplayBatch(table);
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  res.writeHead(200, {
    'content-type': DISPLAY_CONTENT_TYPE,
    'content-length': length,
    'cache-control': 'no-store',
  });
  res.cork();
  for (const p of parts) res.write(p);
  res.end();
}
