/**
 * "Find a node": what a treenode or connector id is (pymaid `get_skid_from_node`,
 * `get_node_details`, `get_node_location`). The id is tried as a treenode first (its row gives
 * skeleton and location in one request; then names, tags and creator/reviewers in parallel),
 * and when CATMAID does not know that treenode (400) as a connector. Neither → `missing`.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ProjectPoint } from '../lib/catmaid-link.ts';
import type { CallOptions } from '../lib/http/client.ts';
import { CatmaidError } from '../lib/http/errors.ts';
import { fetchNodeUserInfo, type NodeUserInfo } from './node-info.ts';
import { projectKey, type ProjectScope } from './scope.ts';
import {
  connectorDetailEndpoint,
  treenodeInfoEndpoint,
  treenodeLabelsEndpoint,
  treenodeRowEndpoint,
  type ConnectorPartner,
  type TreenodeInfo,
  type TreenodeRow,
} from './single-node.ts';

export type FoundNode =
  | {
      kind: 'treenode';
      nodeId: number;
      row: TreenodeRow;
      info: TreenodeInfo;
      tags: string[];
      /** Creator, times and reviewers; null if the server did not list the node. */
      user: NodeUserInfo | null;
    }
  | {
      kind: 'connector';
      nodeId: number;
      location: ProjectPoint;
      partners: ConnectorPartner[];
      user: NodeUserInfo | null;
    }
  | { kind: 'missing'; nodeId: number };

const unknownTreenode = (e: unknown) =>
  e instanceof CatmaidError && (e.status === 400 || e.status === 404);
const unknownConnector = (e: unknown) => e instanceof CatmaidError && e.status === 404;

export async function findNode(
  scope: ProjectScope,
  nodeId: number,
  options: CallOptions = {},
): Promise<FoundNode> {
  let row: TreenodeRow | null = null;
  try {
    row = await treenodeRowEndpoint.fetch(scope, nodeId, options);
  } catch (e) {
    if (!unknownTreenode(e)) throw e;
  }
  if (row) {
    const [info, tags, users] = await Promise.all([
      treenodeInfoEndpoint.fetch(scope, nodeId, options),
      treenodeLabelsEndpoint.fetch(scope, nodeId, options),
      fetchNodeUserInfo(scope, [nodeId], options),
    ]);
    return { kind: 'treenode', nodeId, row, info, tags, user: users.get(nodeId) ?? null };
  }
  try {
    const [c, users] = await Promise.all([
      connectorDetailEndpoint.fetch(scope, nodeId, options),
      fetchNodeUserInfo(scope, [nodeId], options),
    ]);
    return {
      kind: 'connector',
      nodeId,
      location: c.location,
      partners: c.partners,
      user: users.get(nodeId) ?? null,
    };
  } catch (e) {
    if (unknownConnector(e)) return { kind: 'missing', nodeId };
    throw e;
  }
}

export function findNodeQuery(scope: ProjectScope, nodeId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'nodes', nodeId, 'find'] as const,
    queryFn: ({ signal }) => findNode(scope, nodeId, { signal }),
  });
}
