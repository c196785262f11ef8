/**
 * Geometry first leaves the skeletons drawn without connectors and tags while no synapse or
 * soma layer is shown; the data exports (SWC soma type, node table soma column, connector
 * table) must not silently lack them, so they fetch the answers with connectors and tags of
 * the shown neurons first (react-query and IndexedDB hits when a layer loaded them already).
 * Neurons still drawn from their display form only (display first) get their full data first,
 * sharing the full pass's requests.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ProjectScope } from '../../api/scope.ts';
import { loadedSkeletonQuery } from '../../workers/skeleton-query.ts';
import type { ViewerResources } from './engine-cache.ts';
import { VIEWER_FLAGS } from './viewer-flags.ts';

export async function completeForExport(
  scope: ProjectScope,
  { engine, pool, tracker }: ViewerResources,
  queryClient: QueryClient,
): Promise<void> {
  const displayed = [...engine.model.displayed.keys()].filter(
    (id) => (engine.styleOf(id)?.alpha ?? 0) > 0,
  );
  if (displayed.length > 0) {
    const full = await Promise.all(
      displayed.map((id) =>
        queryClient.fetchQuery(loadedSkeletonQuery(scope, id, VIEWER_FLAGS, pool)),
      ),
    );
    engine.addSkeletons(full);
    engine.sync();
  }
  const ids = engine.model.records
    .map((r) => r.skeletonId)
    .filter(
      (id) => (engine.styleOf(id)?.alpha ?? 0) > 0 && tracker.extras.get(id)?.state !== 'loaded',
    );
  if (ids.length === 0) return;
  const items = await Promise.all(
    ids.map((id) => queryClient.fetchQuery(loadedSkeletonQuery(scope, id, VIEWER_FLAGS, pool))),
  );
  engine.addExtras(items);
  // Applied now (the export reads the model right after), not at the next frame.
  engine.sync();
}
