/**
 * Everything pymaid's get_time_invested reads (API ref §6.4) for a set of skeletons: node and
 * connector ids from compact-detail, their creation / edition / review events from
 * node/user-info, and the connector links (pre and post) with their creators.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CallOptions } from '../lib/http/client.ts';
import { fetchConnectorLinks, type ConnectorLinks } from './connector-links.ts';
import { fetchNodeUserInfo, type NodeUserInfo } from './node-user-info.ts';
import { projectKey, type ProjectScope } from './scope.ts';
import { fetchSkeletonsBatch } from './skeletons-batch.ts';

export interface TimeInvestedData {
  nodes: NodeUserInfo;
  links: ConnectorLinks;
  /** Skeletons that could not be loaded (left out of the numbers). */
  failedSkeletons: number[];
}

async function fetchTimeInvestedData(
  scope: ProjectScope,
  skeletonIds: readonly number[],
  { signal }: CallOptions = {},
): Promise<TimeInvestedData> {
  const batch = await fetchSkeletonsBatch(scope, skeletonIds, { withConnectors: true }, { signal });
  const ids = new Set<number>();
  for (const s of batch.skeletons.values()) {
    for (const id of s.nodeIds) ids.add(id);
    for (const id of s.connectors.connectorIds) ids.add(id);
  }
  const skids = [...batch.skeletons.keys()];
  const [nodes, pre, post] = await Promise.all([
    fetchNodeUserInfo(scope, [...ids], { signal }),
    fetchConnectorLinks(scope, skids, 'presynaptic_to', { signal }),
    fetchConnectorLinks(scope, skids, 'postsynaptic_to', { signal }),
  ]);
  const join = <T extends Float64Array | Int32Array>(a: T, b: T, make: (n: number) => T): T => {
    const out = make(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  const f64 = (n: number) => new Float64Array(n);
  return {
    nodes,
    links: {
      ...pre,
      creatorIds: join(pre.creatorIds, post.creatorIds, (n) => new Int32Array(n)),
      creationTimes: join(pre.creationTimes, post.creationTimes, f64),
      editionTimes: join(pre.editionTimes, post.editionTimes, f64),
      skeletonIds: join(pre.skeletonIds, post.skeletonIds, f64),
      connectorIds: join(pre.connectorIds, post.connectorIds, f64),
      treenodeIds: join(pre.treenodeIds, post.treenodeIds, f64),
      confidences: Uint8Array.from([...pre.confidences, ...post.confidences]),
    },
    failedSkeletons: [...batch.failed.keys()],
  };
}

export function timeInvestedDataQuery(scope: ProjectScope, skeletonIds: readonly number[]) {
  const skids = [...new Set(skeletonIds)].sort((a, b) => a - b);
  return queryOptions({
    queryKey: [...projectKey(scope), 'time-invested-input', { skids }] as const,
    queryFn: ({ signal }) => fetchTimeInvestedData(scope, skids, { signal }),
  });
}
