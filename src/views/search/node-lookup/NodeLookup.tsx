/**
 * "Find a node": a treenode or connector id, or a pasted CATMAID link (its active node, else its
 * active skeleton and location), answered with skeleton, location, tags, creator and reviewers,
 * plus "Open this neuron" and "Show in 3D at this node".
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { findNodeQuery } from '../../../api/find-node.ts';
import { parseNodeQuery, type NodeQueryInput } from '../../../lib/node-query-input.ts';
import { QueryErrorMessage } from '../../shared/QueryErrorMessage.tsx';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { FoundNodeDetails } from './FoundNodeDetails.tsx';
import { neuronPageHref, useShowIn3d } from './use-show-in-3d.ts';
import './node-lookup.css';

function LinkWithoutNode({ input }: { input: NodeQueryInput }) {
  const scope = useProjectScope();
  const show = useShowIn3d();
  const { skeletonId, location } = input;
  return (
    <section aria-label="Found node" className="node-lookup-found">
      <p>
        The link names {skeletonId !== null ? `skeleton ${skeletonId}` : 'no skeleton'}
        {location ? ` at ${location.x}, ${location.y}, ${location.z} nm` : ''} but no node.
      </p>
      <div className="node-lookup-actions">
        {skeletonId !== null ? (
          <a href={neuronPageHref(skeletonId, scope.projectId)}>Open this neuron</a>
        ) : null}
        {location ? (
          <button type="button" onClick={() => show(skeletonId, location, 'CATMAID link location')}>
            Show in 3D at this location
          </button>
        ) : null}
      </div>
    </section>
  );
}

function Answer({ input }: { input: NodeQueryInput }) {
  const scope = useProjectScope();
  const nodeId = input.nodeId;
  const query = useQuery({ ...findNodeQuery(scope, nodeId ?? 0), enabled: nodeId !== null });
  if (nodeId === null) return <LinkWithoutNode input={input} />;
  const otherProject =
    input.projectId !== null && input.projectId !== scope.projectId ? (
      <p className="node-lookup-note">
        The link is for project {input.projectId}; looked up in project {scope.projectId}.
      </p>
    ) : null;
  if (query.isPending) return <p role="status">Looking up node {nodeId}…</p>;
  if (query.isError) return <QueryErrorMessage query={query} context={`Node ${nodeId}`} />;
  return (
    <>
      {otherProject}
      {query.data.kind === 'missing' ? (
        <p role="alert" className="field-error">
          No treenode or connector with id {nodeId} in project {scope.projectId}.
        </p>
      ) : (
        <FoundNodeDetails found={query.data} />
      )}
    </>
  );
}

export function NodeLookup() {
  const id = useId();
  const [text, setText] = useState('');
  const [input, setInput] = useState<NodeQueryInput | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseNodeQuery(text);
    setInput(parsed);
    setProblem(
      parsed
        ? null
        : 'Enter a treenode or connector id, or paste a CATMAID link with active_node_id.',
    );
  };
  return (
    <section className="node-lookup" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Node lookup
      </h2>
      <form role="search" aria-label="Node lookup" onSubmit={submit}>
        <label htmlFor={`${id}-q`}>Find a node</label>
        <input
          id={`${id}-q`}
          type="text"
          value={text}
          placeholder="treenode or connector id, or a CATMAID link"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">Find</button>
      </form>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      {input ? <Answer key={JSON.stringify(input)} input={input} /> : null}
    </section>
  );
}
