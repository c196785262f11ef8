/**
 * A stub CATMAID for the cache tests: skeletons whose nodes and edition time a test can change
 * or delete, the three endpoints the cache uses (summary, single and batch compact-detail, JSON
 * and msgpack, 404 for unknown ids as CATMAID answers), and a log of what it was asked.
 */
import { createServer, type Server } from 'node:http';
import { MsgpackWriter } from '../../demo/http/msgpack.ts';

export interface StubSkeleton {
  edition: string;
  nodes: (number | null)[][];
  /** Sent with `with_connectors` (and tags with `with_tags`), as CATMAID does. */
  connectors?: number[][];
  tags?: Record<string, number[]>;
}

interface Flags {
  connectors: boolean;
  tags: boolean;
}

export interface StubRequest {
  method: string;
  path: string;
  /** Skeleton ids asked for (form body or path). */
  ids: number[];
}

export interface StubCatmaid {
  server: Server;
  skeletons: Map<number, StubSkeleton>;
  requests: StubRequest[];
  /** Status the summary endpoint answers with (200 = normal). */
  summaryStatus: number;
  /** How long compact-detail takes to answer (a busy CATMAID). */
  dataDelayMs: number;
  /** How long each next summary request takes to answer, in order (then at once). */
  summaryDelaysMs: number[];
  /** compact-detail requests being answered now, and the most there ever were at once. */
  dataInFlight: number;
  dataInFlightPeak: number;
}

function detail(s: StubSkeleton, f: Flags): unknown[] {
  return [s.nodes, f.connectors ? (s.connectors ?? []) : [], f.tags ? (s.tags ?? {}) : {}, [], []];
}

function jsonBatch(ids: number[], skeletons: Map<number, StubSkeleton>, f: Flags): string {
  const parts = ids.map(
    (id) => `"${id}":${JSON.stringify(detail(skeletons.get(id) as StubSkeleton, f))}`,
  );
  return `{"skeletons":{${parts.join(',')}}}`;
}

function msgpackOf(write: (w: MsgpackWriter) => void): Buffer {
  const w = new MsgpackWriter();
  write(w);
  return Buffer.from(w.result());
}

export function stubCatmaid(initial: [number, StubSkeleton][]): StubCatmaid {
  const stub: StubCatmaid = {
    server: createServer(),
    skeletons: new Map(initial),
    requests: [],
    summaryStatus: 200,
    dataDelayMs: 0,
    summaryDelaysMs: [],
    dataInFlight: 0,
    dataInFlightPeak: 0,
  };
  stub.server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      const params = req.method === 'GET' ? url.searchParams : form;
      const single = /\/skeletons\/(\d+)\/compact-detail$/.exec(url.pathname);
      const ids = single
        ? [Number(single[1])]
        : [
            ...new Set(
              [...params].filter(([k]) => k.startsWith('skeleton_ids[')).map(([, v]) => Number(v)),
            ),
          ];
      stub.requests.push({ method: req.method ?? '', path: url.pathname, ids });
      const msgpack = params.get('format') === 'msgpack';
      const flags: Flags = {
        connectors: params.get('with_connectors') === 'true',
        tags: params.get('with_tags') === 'true',
      };
      const notFound = () =>
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not found."}');
      if (url.pathname.endsWith('/skeletons/summary')) {
        if (stub.summaryStatus !== 200) {
          res
            .writeHead(stub.summaryStatus, { 'content-type': 'application/json' })
            .end('{"error":"no"}');
          return;
        }
        const out: Record<string, unknown> = {};
        for (const id of ids) {
          const s = stub.skeletons.get(id);
          if (s)
            out[id] = { skeleton_id: id, last_edition_time: s.edition, num_nodes: s.nodes.length };
        }
        const answer = () =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
        setTimeout(answer, stub.summaryDelaysMs.shift() ?? 0);
        return;
      }
      if (ids.some((id) => !stub.skeletons.has(id))) return notFound();
      const type = msgpack ? 'application/octet-stream' : 'application/json';
      let body: Buffer;
      if (single) {
        const s = stub.skeletons.get(ids[0] ?? 0) as StubSkeleton;
        body = msgpack
          ? msgpackOf((w) => w.value(detail(s, flags)))
          : Buffer.from(JSON.stringify(detail(s, flags)));
      } else if (msgpack) {
        body = msgpackOf((w) => {
          w.map(1);
          w.value('skeletons');
          w.map(ids.length);
          for (const id of ids) {
            w.int(id);
            w.value(detail(stub.skeletons.get(id) as StubSkeleton, flags));
          }
        });
      } else {
        body = Buffer.from(jsonBatch(ids, stub.skeletons, flags));
      }
      stub.dataInFlight++;
      stub.dataInFlightPeak = Math.max(stub.dataInFlightPeak, stub.dataInFlight);
      res.once('close', () => stub.dataInFlight--);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
      }, stub.dataDelayMs);
    });
  });
  return stub;
}

/** A skeleton of `n` nodes in a chain, ids from `first`. */
export function chain(first: number, n: number, edition: string): StubSkeleton {
  const nodes = Array.from({ length: n }, (_, i) => [
    first + i,
    i === 0 ? null : first + i - 1,
    3,
    i * 10.5,
    2,
    3,
    -1,
    5,
  ]);
  return { edition, nodes };
}
