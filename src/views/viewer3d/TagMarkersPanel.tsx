/**
 * "Tags as markers": pick a tag, and every node of the shown neurons carrying it is marked in 3D
 * (the view's highlight markers, cleared from the legend). Tags come from the skeletons the 3D
 * view has loaded (its compact-detail carries tags); the list follows loads as they arrive.
 * Geometry first: tags are loaded only while a synapse or soma layer is shown, and the panel
 * says how many neurons' tags it has.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { tagCounts, tagPositions } from '../../analysis/morphology/tag-markers.ts';
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { formatCount } from '../../lib/format.ts';
import { useSelection, useSelectionStore } from '../../state/selection-context.tsx';
import type { LoadedSkeleton } from '../../workers/skeleton-protocol.ts';
import { skeletonKey } from '../../workers/skeleton-query.ts';
import { useProjectScope } from '../shared/catmaid-scope.tsx';
import { VIEWER_FLAGS } from './engine-cache.ts';

/** Re-read the loaded skeletons at most this often while loads arrive. */
const REFRESH_MS = 500;

function useLoadedTick(): number {
  const client = useQueryClient();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = client.getQueryCache().subscribe((e) => {
      if (
        e.type !== 'updated' ||
        e.query.queryKey[e.query.queryKey.length - 2] !== 'compact-detail'
      )
        return;
      timer ??= setTimeout(() => {
        timer = undefined;
        setTick((t) => t + 1);
      }, REFRESH_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [client]);
  return tick;
}

export function TagMarkersPanel() {
  const id = useId();
  const client = useQueryClient();
  const scope = useProjectScope();
  const items = useSelection((s) => s.items);
  const store = useSelectionStore();
  const tick = useLoadedTick();
  const [tag, setTag] = useState('');
  const loaded = useMemo(() => {
    void tick;
    const out: { skeletonId: number; detail: SkeletonDetail }[] = [];
    for (const item of items) {
      if (!item.visible) continue;
      const l = client.getQueryData<LoadedSkeleton>(
        skeletonKey(scope, item.skeletonId, VIEWER_FLAGS),
      );
      if (l) out.push({ skeletonId: item.skeletonId, detail: l.detail });
    }
    return out;
  }, [client, scope, items, tick]);
  const counts = useMemo(() => tagCounts(loaded.map((l) => l.detail)), [loaded]);
  const shown = items.filter((i) => i.visible).length;
  const mark = (next: string) => {
    setTag(next);
    const s = store.getState();
    if (next === '') {
      s.setConnectorHighlight(null);
      return;
    }
    const withTag = loaded.filter((l) => (l.detail.tags.get(next)?.length ?? 0) > 0);
    s.setConnectorHighlight({
      label: `nodes tagged “${next}”`,
      skeletonIds: withTag.map((l) => l.skeletonId),
      connectorIds: [],
      positions: tagPositions(
        withTag.map((l) => l.detail),
        next,
      ),
    });
  };
  return (
    <section aria-labelledby={`${id}-title`} className="viewer3d-tags">
      <h2 id={`${id}-title`}>Tags</h2>
      <label htmlFor={`${id}-tag`}>Mark nodes tagged</label>{' '}
      <select id={`${id}-tag`} value={tag} onChange={(e) => mark(e.target.value)}>
        <option value="">(none)</option>
        {counts.map((c) => (
          <option key={c.tag} value={c.tag}>
            {c.tag} ({formatCount(c.nodes)})
          </option>
        ))}
      </select>
      {loaded.length < shown ? (
        // Geometry first: tags come with the synapse and soma layers' data; display first,
        // with each neuron's details.
        <p className="viewer3d-tags-note">
          Tags of {loaded.length} of {shown} neurons loaded (they load with the synapse and soma
          layers, and with each neuron&apos;s details).
        </p>
      ) : null}
    </section>
  );
}
