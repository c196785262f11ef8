/**
 * The msgpack compact-detail answers (API ref §4.1, §4.2), decoded in one pass over the bytes:
 * node rows, the bulk of a 3D view's data, go straight into typed columns without a JS array
 * per row. Anything unusual in a skeleton's node rows (history rows, a wrong type) makes that
 * skeleton go through the generic decoder instead, which also gives the precise error message.
 */
import { SchemaError } from '../lib/http/errors.ts';
import { MsgpackFormatError, MsgpackReader } from '../lib/msgpack-reader.ts';
import {
  allocateNodeColumns,
  assembleCompactDetail,
  decodeCompactDetail,
  type RawNodeColumns,
} from './compact-detail-decode.ts';
import type { SkeletonDetail } from './skeleton-detail.ts';

const NODE_COLUMNS = 8;

function readRowChecked(r: MsgpackReader, out: RawNodeColumns, i: number): void {
  if (r.arrayLength() !== NODE_COLUMNS) throw new MsgpackFormatError('not a plain row', r.pos);
  out.nodeIds[i] = r.number();
  out.parentIds[i] = r.nil() ? Number.NaN : r.number();
  out.creatorIds[i] = r.number();
  for (let k = 0; k < 3; k++) out.positions[i * 3 + k] = r.number();
  out.radii[i] = r.number();
  out.confidences[i] = r.number();
}

/** The longest plain node row: array header + 8 values of at most 9 bytes. */
const MAX_ROW_BYTES = 1 + 8 * 9;

/**
 * Reads plain 8-column node rows; null (nothing consumed) if the rows are anything else. The
 * encodings CATMAID uses for them (float64, small and 16/32-bit unsigned integers, nil) are read
 * inline with the position in a local: this loop runs for every node of every neuron.
 */
function fastNodeRows(r: MsgpackReader): RawNodeColumns | null {
  const start = r.pos;
  const { bytes, view } = r;
  const end = bytes.length;
  let p = 0;
  const num = (): number => {
    const b = bytes[p] ?? 0xc1;
    if (b === 0xcb) {
      p += 9;
      return view.getFloat64(p - 8);
    }
    if (b <= 0x7f) {
      p++;
      return b;
    }
    if (b === 0xcd) {
      p += 3;
      return view.getUint16(p - 2);
    }
    if (b === 0xce) {
      p += 5;
      return view.getUint32(p - 4);
    }
    r.pos = p;
    const v = r.number();
    p = r.pos;
    return v;
  };
  try {
    const n = r.arrayLength();
    const out = allocateNodeColumns(n, false);
    const { nodeIds, parentIds, creatorIds, positions, radii, confidences } = out;
    p = r.pos;
    for (let i = 0; i < n; i++) {
      if (p + MAX_ROW_BYTES > end) {
        // Near the end of the data: the checked reader reports truncation properly.
        r.pos = p;
        readRowChecked(r, out, i);
        p = r.pos;
        continue;
      }
      if (bytes[p] !== 0x98) throw new MsgpackFormatError('not a plain row', p);
      p++;
      nodeIds[i] = num();
      if (bytes[p] === 0xc0) {
        p++;
        parentIds[i] = Number.NaN;
      } else parentIds[i] = num();
      creatorIds[i] = num();
      positions[i * 3] = num();
      positions[i * 3 + 1] = num();
      positions[i * 3 + 2] = num();
      radii[i] = num();
      confidences[i] = num();
    }
    r.pos = p;
    return out;
  } catch (e) {
    if (!(e instanceof MsgpackFormatError)) throw e;
    r.pos = start;
    return null;
  }
}

/** One skeleton's `[nodes, connectors, tags, reviews, annotations]`; the reader moves past it. */
function readSkeleton(r: MsgpackReader, skeletonId: number, endpoint: string): SkeletonDetail {
  const start = r.pos;
  const length = r.atArray() ? r.arrayLength() : 0;
  const nodes = length >= 2 && length <= 5 ? fastNodeRows(r) : null;
  if (!nodes) {
    r.pos = start;
    return decodeCompactDetail(r.value(), skeletonId, endpoint);
  }
  const rest: unknown[] = [];
  for (let i = 1; i < length; i++) rest.push(r.value());
  return assembleCompactDetail(nodes, rest, skeletonId, endpoint);
}

function invalid(endpoint: string, e: unknown): SchemaError {
  return new SchemaError(
    endpoint,
    `malformed msgpack, not valid: ${e instanceof Error ? e.message : String(e)}`,
  );
}

/** A single skeleton's msgpack answer (GET …/compact-detail?format=msgpack). */
export function decodeCompactDetailMsgpack(
  bytes: Uint8Array,
  skeletonId: number,
  endpoint: string,
): SkeletonDetail {
  const r = new MsgpackReader(bytes);
  let detail: SkeletonDetail;
  try {
    detail = readSkeleton(r, skeletonId, endpoint);
  } catch (e) {
    throw e instanceof MsgpackFormatError ? invalid(endpoint, e) : e;
  }
  if (!r.done) throw invalid(endpoint, new Error('trailing bytes after the answer'));
  return detail;
}

/**
 * A batch answer `{"skeletons": {id: […], …}}` (ids are integer keys in msgpack): each
 * skeleton decoded, or the error that skeleton's data gave. Malformed msgpack or a wrong
 * envelope fails the whole answer.
 */
export function decodeCompactDetailBatchMsgpack(
  bytes: Uint8Array,
  endpoint: string,
): Map<number, SkeletonDetail | Error> {
  const r = new MsgpackReader(bytes);
  const out = new Map<number, SkeletonDetail | Error>();
  let found = false;
  try {
    const entries = r.mapLength();
    for (let e = 0; e < entries; e++) {
      const key = r.value();
      if (key !== 'skeletons') {
        r.skip();
        continue;
      }
      found = true;
      const count = r.mapLength();
      for (let i = 0; i < count; i++) {
        const id = Number(r.value());
        try {
          out.set(id, readSkeleton(r, id, endpoint));
        } catch (err) {
          if (!(err instanceof SchemaError)) throw err;
          out.set(id, err);
        }
      }
    }
  } catch (e) {
    throw e instanceof MsgpackFormatError ? invalid(endpoint, e) : e;
  }
  if (!found) throw new SchemaError(endpoint, 'skeletons: expected {"skeletons": {id: […]}}');
  return out;
}
