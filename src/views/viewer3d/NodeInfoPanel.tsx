import { useQuery } from '@tanstack/react-query';
import { nodeUserInfoQuery } from '../../api/node-info.ts';
import type { User } from '../../api/users.ts';
import { CatmaidLinkControl } from '../shared/CatmaidLinkControl.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { NeuronPageLink } from '../shared/NeuronPageLink.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { useCatmaidLink } from '../shared/use-catmaid-link.ts';
import { formatCount, isoDateTime } from '../../lib/format.ts';

export interface PickedNode {
  skeletonId: number;
  nodeId: number;
  position: [number, number, number];
  /** Creator id from compact-detail, shown until node/user-info answers. */
  creatorId: number;
}

interface Props {
  node: PickedNode;
  neuronName: string;
  users: ReadonlyMap<number, User>;
  /** CATMAID web client root, or null on the demo server (no web client). */
  catmaidUrl: string | null;
  onClose(): void;
}

function userName(users: ReadonlyMap<number, User>, id: number): string {
  const u = users.get(id);
  return u ? `${u.fullName} (${u.login})` : `user ${id}`;
}

/** Facts about the clicked node: who created it and when (node/user-info), and a deep link. */
export function NodeInfoPanel({ node, neuronName, users, catmaidUrl, onClose }: Props) {
  const scope = useProjectScope();
  const info = useQuery(nodeUserInfoQuery(scope, node.nodeId));
  const creator = info.data?.creatorId ?? node.creatorId;
  const created = info.data?.creationTime;
  const [x, y, z] = node.position;
  const link = useCatmaidLink(
    { url: catmaidUrl, unavailable: 'The embedded demo server has no CATMAID web client to open.' },
    { skeletonId: node.skeletonId, node: { id: node.nodeId, location: { x, y, z } } },
    true,
  );
  return (
    <section aria-label="Selected node" className="viewer3d-node">
      <h2>Selected node</h2>
      <dl>
        <dt>Node</dt>
        <dd>{node.nodeId}</dd>
        <dt>Skeleton</dt>
        <dd>
          {node.skeletonId} — <NeuronPageLink skeletonId={node.skeletonId} name={neuronName} />
        </dd>
        <dt>Position (nm)</dt>
        <dd>{node.position.map((v) => formatCount(Math.round(v))).join(', ')}</dd>
        <dt>Creator</dt>
        <dd>{userName(users, creator)}</dd>
        <dt>Created</dt>
        <dd>
          {info.isPending ? 'loading…' : created !== undefined ? isoDateTime(created) : 'unknown'}
        </dd>
      </dl>
      {info.isError ? (
        <ErrorMessage
          error={info.error}
          context="Node details"
          onRetry={() => void info.refetch()}
        />
      ) : null}
      <div className="viewer3d-node-link">
        <CatmaidLinkControl state={link} label="Open in CATMAID at this node">
          Open in CATMAID at this node
        </CatmaidLinkControl>
      </div>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
