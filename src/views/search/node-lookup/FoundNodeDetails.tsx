/** What "Find a node" found: the facts of a treenode or a connector, and what to do with it. */
import { useQuery } from '@tanstack/react-query';
import type { FoundNode } from '../../../api/find-node.ts';
import { indexUsers, usersQuery, type User } from '../../../api/users.ts';
import type { ProjectPoint } from '../../../lib/catmaid-link.ts';
import { formatCount, isoDateTime } from '../../../lib/format.ts';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { neuronPageHref, useShowIn3d } from './use-show-in-3d.ts';

function userName(users: ReadonlyMap<number, User> | undefined, id: number): string {
  const u = users?.get(id);
  return u ? `${u.fullName} (${u.login})` : `user ${id}`;
}

const at = (p: ProjectPoint) => [p.x, p.y, p.z].map((v) => formatCount(Math.round(v))).join(', ');

function Actions({
  skeletonId,
  location,
  label,
}: {
  skeletonId: number | null;
  location: ProjectPoint;
  label: string;
}) {
  const scope = useProjectScope();
  const show = useShowIn3d();
  return (
    <div className="node-lookup-actions">
      {skeletonId !== null ? (
        <a href={neuronPageHref(skeletonId, scope.projectId)}>Open this neuron</a>
      ) : null}
      <button type="button" onClick={() => show(skeletonId, location, label)}>
        Show in 3D at this node
      </button>
    </div>
  );
}

export function FoundNodeDetails({ found }: { found: Exclude<FoundNode, { kind: 'missing' }> }) {
  const scope = useProjectScope();
  const users = useQuery({ ...usersQuery(scope), select: indexUsers });
  const u = found.user;
  const reviewers = u
    ? u.reviewerIds.map((id, k) => {
        const t = u.reviewTimes[k];
        return `${userName(users.data, id)}${t !== undefined ? ` on ${isoDateTime(t)}` : ''}`;
      })
    : [];
  const common = (
    <>
      <dt>Creator</dt>
      <dd>{u ? userName(users.data, u.creatorId) : 'unknown'}</dd>
      <dt>Created</dt>
      <dd>{u?.creationTime !== undefined ? isoDateTime(u.creationTime) : 'unknown'}</dd>
      <dt>Last edited</dt>
      <dd>
        {u?.editionTime !== undefined
          ? `${isoDateTime(u.editionTime)} by ${userName(users.data, u.editorId)}`
          : 'unknown'}
      </dd>
      <dt>Reviewers</dt>
      <dd>{reviewers.length > 0 ? reviewers.join('; ') : 'not reviewed'}</dd>
    </>
  );
  if (found.kind === 'connector') {
    const skeletons = [...new Set(found.partners.map((p) => p.skeletonId))];
    return (
      <section aria-label="Found node" className="node-lookup-found">
        <dl>
          <dt>Connector</dt>
          <dd>{found.nodeId}</dd>
          <dt>Location (nm)</dt>
          <dd>{at(found.location)}</dd>
          <dt>Partners</dt>
          <dd>
            {found.partners
              .map(
                (p) =>
                  `${p.relation.replace('_to', '')}: node ${p.treenodeId} of skeleton ${p.skeletonId}`,
              )
              .join('; ') || 'none'}
          </dd>
          {common}
        </dl>
        <Actions
          skeletonId={skeletons.length === 1 ? (skeletons[0] ?? null) : null}
          location={found.location}
          label={`connector ${found.nodeId}`}
        />
      </section>
    );
  }
  return (
    <section aria-label="Found node" className="node-lookup-found">
      <dl>
        <dt>Treenode</dt>
        <dd>{found.nodeId}</dd>
        <dt>Skeleton</dt>
        <dd>
          {found.info.skeletonId} — {found.info.neuronName}
        </dd>
        <dt>Location (nm)</dt>
        <dd>{at(found.row.location)}</dd>
        <dt>Tags</dt>
        <dd>{found.tags.length > 0 ? found.tags.join(', ') : 'none'}</dd>
        {common}
      </dl>
      <Actions
        skeletonId={found.info.skeletonId}
        location={found.row.location}
        label={`node ${found.nodeId} of ${found.info.neuronName}`}
      />
    </section>
  );
}
