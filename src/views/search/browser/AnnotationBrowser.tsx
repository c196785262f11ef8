import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { neuronSearchQuery } from '../../../api/neuron-search.ts';
import type { ProjectScope } from '../../../api/scope.ts';
import { useProjectScope } from '../../shared/catmaid-scope.tsx';
import { buildAnnotationTree, type AnnotationTree } from './annotation-tree.ts';
import { formatCount } from '../../../lib/format.ts';
import { QueryErrorMessage } from '../../shared/QueryErrorMessage.tsx';

function NeuronCount({ scope, annotationId }: { scope: ProjectScope; annotationId: number }) {
  // range_length=1: the server counts all matches (totalRecords) but sends one row.
  const count = useQuery(
    neuronSearchQuery(scope, {
      types: ['neuron'],
      annotatedWith: [[annotationId]],
      includeSubAnnotations: true,
      rangeStart: 0,
      rangeLength: 1,
    }),
  );
  if (count.isError) return <span className="count">?</span>;
  return (
    <span className="count">{count.data ? `${formatCount(count.data.total)} neurons` : '…'}</span>
  );
}

interface NodeProps {
  id: number;
  tree: AnnotationTree;
  depth: number;
  path: ReadonlySet<number>;
  onPick: (name: string) => void;
}

function TreeNode({ id, tree, depth, path, onPick }: NodeProps) {
  const scope = useProjectScope();
  const [open, setOpen] = useState(depth === 0);
  const kids = (tree.children.get(id) ?? []).filter((k) => !path.has(k));
  const name = tree.names.get(id) ?? `#${id}`;
  const nextPath = new Set(path).add(id);
  return (
    <li
      role="treeitem"
      aria-expanded={kids.length ? open : undefined}
      aria-label={name}
      aria-level={depth + 1}
    >
      <div className="tree-line">
        {kids.length ? (
          <button
            type="button"
            className="twisty"
            aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" />
        )}
        <button
          type="button"
          className="link"
          onClick={() => onPick(name)}
          title={`Search neurons annotated "${name}" or any of its sub-annotations`}
        >
          {name}
        </button>
        <NeuronCount scope={scope} annotationId={id} />
      </div>
      {open && kids.length ? (
        <ul role="group">
          {kids.map((k) => (
            <TreeNode
              key={k}
              id={k}
              tree={tree}
              depth={depth + 1}
              path={nextPath}
              onPick={onPick}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The meta-annotation hierarchy with neuron counts; picking an annotation runs that search. */
export function AnnotationBrowser({ onPick }: { onPick: (name: string) => void }) {
  const scope = useProjectScope();
  const all = useQuery(neuronSearchQuery(scope, { types: ['annotation'], withAnnotations: true }));
  const tree = useMemo(
    () =>
      all.data
        ? buildAnnotationTree(
            all.data.entities.map((e) => ({
              id: e.id,
              name: e.name,
              parents: e.annotations.map((a) => a.id),
            })),
          )
        : null,
    [all.data],
  );
  return (
    <section aria-label="Annotation browser" className="annotation-browser">
      <h2>Annotation hierarchy</h2>
      {all.isPending ? <p role="status">Loading annotations…</p> : null}
      <QueryErrorMessage query={all} context="Could not load the annotation hierarchy" />
      {tree ? (
        <>
          {tree.roots.length === 0 ? <p>This project has no meta-annotations.</p> : null}
          <ul role="tree" aria-label="Meta-annotations">
            {tree.roots.map((id) => (
              <TreeNode key={id} id={id} tree={tree} depth={0} path={new Set()} onPick={onPick} />
            ))}
          </ul>
          {tree.unclassified ? (
            <p className="hint">
              {formatCount(tree.unclassified)} more annotations are in no meta-annotation; find them
              with the annotation search fields.
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
