/**
 * The state of one "Open in CATMAID" link: it exists only when complete (web client, project,
 * stack, location, skeleton and node; see `lib/catmaid-link.ts`). The stack is the project's
 * first; the location is the given node (a clicked node) or else the skeleton's root, asked for
 * only once the link is `wanted` (a pointer over it, focus, a click), so a list of thousands of
 * neurons sends one small request per link a user reaches for, each cached per skeleton.
 */
import { useQuery } from '@tanstack/react-query';
import { stacksQuery } from '../../api/projects.ts';
import { skeletonRootQuery } from '../../api/skeleton-root.ts';
import { catmaidLink, type ProjectPoint } from '../../lib/catmaid-link.ts';
import { useProjectScope } from './catmaid-scope.tsx';

/** Where "Open in CATMAID" links go, or why there are none. */
export interface CatmaidLinkTarget {
  /** The CATMAID web client root, or null when there is none to open. */
  url: string | null;
  /** Why there is no link (shown as the disabled control's tooltip). */
  unavailable: string;
}

export interface LinkSubject {
  skeletonId: number;
  /** A node already at hand (e.g. the clicked one); without it the link goes to the root. */
  node?: { id: number; location: ProjectPoint };
}

export type CatmaidLinkState =
  | { kind: 'unavailable'; reason: string }
  /** Not complete yet; `asked` once its parts are being fetched. */
  | { kind: 'resolving'; asked: boolean; status: string }
  | { kind: 'error'; context: string; error: unknown; retry: () => void }
  | { kind: 'ready'; href: string };

const FINDING_ROOT = 'Finding the neuron’s root…';
const FINDING_STACK = 'Finding the project’s image stack…';

export function useCatmaidLink(
  target: CatmaidLinkTarget,
  subject: LinkSubject,
  wanted: boolean,
): CatmaidLinkState {
  const scope = useProjectScope();
  const enabled = wanted && target.url !== null;
  const stacks = useQuery({ ...stacksQuery(scope), enabled });
  const root = useQuery({
    ...skeletonRootQuery(scope, subject.skeletonId),
    enabled: enabled && subject.node === undefined,
  });

  if (target.url === null) return { kind: 'unavailable', reason: target.unavailable };
  if (stacks.isError)
    return {
      kind: 'error',
      context: 'Finding the project’s image stack',
      error: stacks.error,
      retry: () => void stacks.refetch(),
    };
  if (subject.node === undefined && root.isError)
    return {
      kind: 'error',
      context: 'Finding the neuron’s root',
      error: root.error,
      retry: () => void root.refetch(),
    };
  const stack = stacks.data?.[0];
  if (stacks.data && !stack)
    return { kind: 'unavailable', reason: 'This project has no image stack for CATMAID to show.' };
  const node =
    subject.node ?? (root.data ? { id: root.data.nodeId, location: root.data.location } : null);
  if (!stack || !node)
    return { kind: 'resolving', asked: enabled, status: node ? FINDING_STACK : FINDING_ROOT };
  return {
    kind: 'ready',
    href: catmaidLink({
      webClientUrl: target.url,
      projectId: scope.projectId,
      stackId: stack.id,
      // Full resolution: the root or node is in the middle of the view at its finest level.
      zoom: 0,
      location: node.location,
      skeletonId: subject.skeletonId,
      nodeId: node.id,
    }),
  };
}
