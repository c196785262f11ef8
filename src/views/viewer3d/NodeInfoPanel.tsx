import { useQuery } from '@tanstack/react-query';
import { nodeUserInfoQuery } from '../../api/node-info.ts';
import type { User } from '../../api/users.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
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

function catmaidNodeLink(base: string, projectId: number, n: PickedNode): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const [x, y, z] = n.position.map((v) => Math.round(v));
  const q = new URLSearchParams({
    pid: String(projectId),
    xp: String(x),
    yp: String(y),
    zp: String(z),
    tool: 'tracingtool',
    active_skeleton_id: String(n.skeletonId),
    active_node_id: String(n.nodeId),
  });
  return `${root}?${q.toString()}`;
}

/** Facts about the clicked node: who created it and when (node/user-info), and a deep link. */
export function NodeInfoPanel({ node, neuronName, users, catmaidUrl, onClose }: Props) {
  const scope = useProjectScope();
  const info = useQuery(nodeUserInfoQuery(scope, node.nodeId));
  const creator = info.data?.creatorId ?? node.creatorId;
  const created = info.data?.creationTime;
  return (
    <section aria-label="Selected node" className="viewer3d-node">
      <h2>Selected node</h2>
      <dl>
        <dt>Node</dt>
        <dd>{node.nodeId}</dd>
        <dt>Skeleton</dt>
        <dd>
          {node.skeletonId} — {neuronName}
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
      {catmaidUrl ? (
        <a
          href={catmaidNodeLink(catmaidUrl, scope.projectId, node)}
          target="_blank"
          rel="noreferrer"
        >
          Open in CATMAID at this node
        </a>
      ) : (
        <p>
          <button type="button" disabled aria-describedby="no-web-client">
            Open in CATMAID at this node
          </button>{' '}
          <span id="no-web-client" className="hint">
            The embedded demo server has no CATMAID web client to open.
          </span>
        </p>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
