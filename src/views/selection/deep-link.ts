/**
 * "Open in CATMAID": a deep link into the CATMAID web client (API ref §12.1) that opens the
 * project with the skeleton active; the client then centres on its root node. `sid0`/`s0` open
 * the project's first stack at full resolution (older clients need a stack to show anything).
 */
export function catmaidSkeletonLink(
  webClientUrl: string,
  projectId: number,
  skeletonId: number,
  stackId: number | null,
): string {
  const base = webClientUrl.replace(/\/+$/, '');
  let url = `${base}/?pid=${projectId}&active_skeleton_id=${skeletonId}&tool=tracingtool`;
  if (stackId !== null) url += `&sid0=${stackId}&s0=0`;
  return url;
}
