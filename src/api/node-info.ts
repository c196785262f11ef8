/**
 * Who made a node and when: POST /{pid}/node/user-info (API ref §7, a plain view; unknown ids
 * are omitted), and which skeleton / neuron a treenode belongs to: GET /{pid}/treenodes/{id}/info.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CallOptions } from '../lib/http/client.ts';
import { parseCatmaidTime } from '../lib/http/timestamps.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';
import { projectKey, type ProjectScope } from './scope.ts';

export interface NodeUserInfo {
  nodeId: number;
  creatorId: number;
  editorId: number;
  /** Epoch ms; undefined when the server sent no parseable time. */
  creationTime: number | undefined;
  editionTime: number | undefined;
  reviewerIds: number[];
  reviewTimes: (number | undefined)[];
}

const entrySchema = z.object({
  user: z.number(),
  editor: z.number().nullish(),
  creation_time: z.string().nullish(),
  edition_time: z.string().nullish(),
  reviewers: z.array(z.number()).nullish(),
  review_times: z.array(z.string()).nullish(),
});
const nodeUserInfoSchema = z.record(z.string(), entrySchema);

function decodeUserInfo(answer: z.infer<typeof nodeUserInfoSchema>): Map<number, NodeUserInfo> {
  const out = new Map<number, NodeUserInfo>();
  for (const [key, e] of Object.entries(answer)) {
    const nodeId = Number(key);
    out.set(nodeId, {
      nodeId,
      creatorId: e.user,
      editorId: e.editor ?? e.user,
      creationTime: parseCatmaidTime(e.creation_time),
      editionTime: parseCatmaidTime(e.edition_time),
      reviewerIds: e.reviewers ?? [],
      reviewTimes: (e.review_times ?? []).map((t) => parseCatmaidTime(t)),
    });
  }
  return out;
}

/**
 * The same route as `node-user-info.ts`, decoded per node (with each node's own reviews) for the
 * few nodes a panel shows; that module decodes hundreds of thousands into columns.
 */
const nodeUserInfoByNodeEndpoint = defineEndpoint({
  route: ROUTES.nodeUserInfo,
  schema: nodeUserInfoSchema,
  encode: (nodeIds: number[]) => ({ data: { node_ids: nodeIds } }),
  decode: decodeUserInfo,
});

export async function fetchNodeUserInfo(
  scope: ProjectScope,
  nodeIds: readonly number[],
  { signal }: CallOptions = {},
): Promise<Map<number, NodeUserInfo>> {
  const ids = [...new Set(nodeIds)];
  if (ids.length === 0) return new Map();
  return nodeUserInfoByNodeEndpoint.fetch(scope, ids, { signal });
}

/** One node's creator and times; `null` when the server no longer knows the node. */
export function nodeUserInfoQuery(scope: ProjectScope, nodeId: number) {
  return queryOptions({
    queryKey: [...projectKey(scope), 'nodes', nodeId, 'user-info'] as const,
    queryFn: async ({ signal }) =>
      (await fetchNodeUserInfo(scope, [nodeId], { signal })).get(nodeId) ?? null,
  });
}
