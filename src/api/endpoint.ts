/**
 * One declaration per CATMAID endpoint: route (from `endpoint-list.ts`), how an input becomes
 * path slots and parameters, the wire schema (zod), the decoder into the domain type and, for
 * many-id endpoints, the chunking policy and how chunk answers merge. The fetcher follows from it;
 * so do the proxy allowlist and the test handlers (through the route list).
 */
import type { z } from 'zod';
import { fetchChunked, type ChunkPolicy, type ChunkedOptions } from '../lib/http/chunked.ts';
import type { CallOptions } from '../lib/http/client.ts';
import type { FormInput } from '../lib/http/encode-form.ts';
import { routeName, type EndpointRoute } from './endpoint-list.ts';
import type { ServerScope } from './scope.ts';

export interface RequestParts {
  /** Values of the template's `{name}` slots other than `{pid}`. */
  path?: Readonly<Record<string, number | string>>;
  /** The query string of a GET, the form body of a POST. */
  data?: FormInput;
}

export interface EndpointSpec<In, Wire, Out> {
  route: EndpointRoute;
  /** The wire schema; `z.unknown()` where a hand-written decoder validates (big positional rows). */
  schema: z.ZodType<Wire>;
  encode: (input: In) => RequestParts;
  decode: (wire: Wire, input: In) => Out;
}

/** A project-less scope works for global routes (`/projects/`); `{pid}` routes need a project. */
export type AnyScope = ServerScope & { projectId?: number };

export interface Endpoint<In, Out> {
  readonly route: EndpointRoute;
  /** `METHOD /template`, used in error messages. */
  readonly name: string;
  fetch(scope: AnyScope, input: In, options?: CallOptions): Promise<Out>;
}

export function fillPath(route: EndpointRoute, scope: AnyScope, slots: RequestParts['path']) {
  return route.path.replace(/\{([a-z]+)\}/g, (_, slot: string) => {
    const value = slot === 'pid' ? scope.projectId : slots?.[slot];
    if (value === undefined) throw new Error(`${routeName(route)}: no value for {${slot}}`);
    return encodeURIComponent(String(value));
  });
}

export function defineEndpoint<In, Wire, Out>(
  spec: EndpointSpec<In, Wire, Out>,
): Endpoint<In, Out> {
  const name = routeName(spec.route);
  return {
    route: spec.route,
    name,
    async fetch(scope, input, { signal, timeoutMs } = {}) {
      const parts = spec.encode(input);
      const path = fillPath(spec.route, scope, parts.path);
      const common = { path, signal, endpoint: name, timeoutMs };
      const wire =
        spec.route.method === 'GET'
          ? await scope.client.request(spec.schema, {
              ...common,
              method: 'GET',
              params: parts.data,
            })
          : await scope.client.request(spec.schema, {
              ...common,
              method: 'POST',
              form: parts.data,
            });
      return spec.decode(wire, input);
    },
  };
}

/** What a many-id endpoint sends per chunk: the chunk's ids and the call's other arguments. */
export interface ChunkInput<Id, Extra> {
  ids: Id[];
  extra: Extra;
}

/** The usual many-id encoding: the chunk as one indexed list parameter (`skids[0]=…`). */
export function idList(param: string) {
  return ({ ids }: ChunkInput<number, undefined>): RequestParts => ({ data: { [param]: ids } });
}

export interface BatchEndpointSpec<Id, Extra, Wire, Part, Out> extends EndpointSpec<
  ChunkInput<Id, Extra>,
  Wire,
  Part
> {
  batch: ChunkPolicy;
  /** Chunk answers (in chunk order) → the call's result; `merge([], [])` is the empty result. */
  merge: (parts: readonly Part[], ids: readonly Id[]) => Out;
}

export type BatchCallOptions<Extra> = CallOptions &
  Pick<ChunkedOptions, 'onProgress'> &
  (undefined extends Extra ? { extra?: Extra } : { extra: Extra });

/** The options argument: optional unless the endpoint needs an `extra` argument. */
type OptionsArg<Extra> = undefined extends Extra
  ? [options?: BatchCallOptions<Extra>]
  : [options: BatchCallOptions<Extra>];

export interface BatchEndpoint<Id, Extra, Part, Out> {
  readonly route: EndpointRoute;
  readonly name: string;
  readonly batch: ChunkPolicy;
  /** One chunk, as sent on the wire. */
  readonly chunk: Endpoint<ChunkInput<Id, Extra>, Part>;
  /** De-duplicate → chunk → request (capped concurrency) → merge. */
  fetchAll(scope: AnyScope, ids: readonly Id[], ...options: OptionsArg<Extra>): Promise<Out>;
}

export function defineBatchEndpoint<Id, Extra, Wire, Part, Out>(
  spec: BatchEndpointSpec<Id, Extra, Wire, Part, Out>,
): BatchEndpoint<Id, Extra, Part, Out> {
  const chunk = defineEndpoint(spec);
  return {
    route: spec.route,
    name: chunk.name,
    batch: spec.batch,
    chunk,
    fetchAll(scope, ids, ...[options]) {
      const { signal, onProgress, timeoutMs } = options ?? {};
      const extra = options?.extra as Extra;
      return fetchChunked(
        ids,
        spec.batch,
        (part, chunkSignal) =>
          chunk.fetch(scope, { ids: part, extra }, { signal: chunkSignal, timeoutMs }),
        spec.merge,
        { signal, onProgress },
      );
    },
  };
}
