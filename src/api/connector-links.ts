/**
 * GET|POST /{pid}/connectors/links/ (API ref §5.4): the connector links of skeletons for one
 * relation, with link creator and times. POST (long id lists), one request per relation and
 * chunk of skeletons; `with_tags=false` since tags are not needed here.
 */
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { SchemaError } from '../lib/http/errors.ts';
import { parseCatmaidTimeOrNaN } from '../lib/http/timestamps.ts';
import { defineBatchEndpoint } from './endpoint.ts';
import { ROUTES, routeName } from './endpoint-list.ts';
import { concatColumns } from './merge.ts';
import type { ProjectScope } from './scope.ts';

const CONNECTOR_LINKS_ENDPOINT = routeName(ROUTES.connectorLinks);

export interface ConnectorLinks {
  skeletonIds: Float64Array;
  connectorIds: Float64Array;
  treenodeIds: Float64Array;
  confidences: Uint8Array;
  creatorIds: Int32Array;
  /** Epoch ms. */
  creationTimes: Float64Array;
  editionTimes: Float64Array;
}

const COLUMNS = 10;

function decodeConnectorLinks(raw: unknown): ConnectorLinks {
  const fail = (where: string, what: string): never => {
    throw new SchemaError(CONNECTOR_LINKS_ENDPOINT, `${where}: ${what}`);
  };
  const links: unknown =
    typeof raw === 'object' && raw !== null && 'links' in raw ? raw.links : undefined;
  if (!Array.isArray(links)) return fail('links', 'expected an array');
  const n = links.length;
  const out: ConnectorLinks = {
    skeletonIds: new Float64Array(n),
    connectorIds: new Float64Array(n),
    treenodeIds: new Float64Array(n),
    confidences: new Uint8Array(n),
    creatorIds: new Int32Array(n),
    creationTimes: new Float64Array(n),
    editionTimes: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r: unknown = links[i];
    if (!Array.isArray(r) || r.length < COLUMNS) fail(`links.${i}`, 'expected a 10-column row');
    const row = r as unknown[];
    const nums = [row[0], row[1], row[5], row[6], row[7]];
    if (nums.some((v) => typeof v !== 'number'))
      fail(`links.${i}`, 'expected [skeleton, connector, x, y, z, confidence, user, node, …]');
    out.skeletonIds[i] = row[0] as number;
    out.connectorIds[i] = row[1] as number;
    out.confidences[i] = row[5] as number;
    out.creatorIds[i] = row[6] as number;
    out.treenodeIds[i] = row[7] as number;
    out.creationTimes[i] = parseCatmaidTimeOrNaN(row[8]);
    out.editionTimes[i] = parseCatmaidTimeOrNaN(row[9]);
  }
  return out;
}

const connectorLinksEndpoint = defineBatchEndpoint({
  route: ROUTES.connectorLinks,
  // Hand-written decoder: tens of thousands of positional rows go straight into columns.
  schema: z.unknown(),
  encode: ({ ids, extra: relation }: { ids: number[]; extra: string }) => ({
    data: [
      ['skeleton_ids', ids],
      ['relation_type', relation],
      ['with_tags', false],
    ],
  }),
  decode: (wire) => decodeConnectorLinks(wire),
  batch: { chunkSize: 50, concurrency: 2 },
  merge: (parts) => concatColumns(parts, decodeConnectorLinks({ links: [] })),
});

export function fetchConnectorLinks(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  relation: string,
  { signal }: CallOptions = {},
): Promise<ConnectorLinks> {
  return connectorLinksEndpoint.fetchAll(scope, skeletonIds, { signal, extra: relation });
}
