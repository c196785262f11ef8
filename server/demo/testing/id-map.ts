/**
 * Maps the IDs of a recorded real-server request (../shared/catmaid-recordings) onto demo IDs,
 * so the demo server can be asked "the same kind of request" and its answer shape compared.
 */
import type { RecordedRequest } from '../../../test-support/shared-fixtures.ts';
import type { DemoStore } from '../http/types.ts';

interface RecordedIds {
  olfactory_skeletons: number[];
  nociceptive_L1_skeletons: number[];
  L3_skeletons: number[];
  annotations_p6: Record<string, number>;
}

/** Recorded annotation names → demo annotation names with the same role. */
const ANNOTATION_ROLE: Record<string, string> = {
  ORN: 'ORN',
  'sens-ORN': 'uPN',
  right: 'right',
  left: 'left',
  'olfactory circuit': 'olfactory circuit',
  'Berck 2016': 'Berck 2016',
  'Winding 2023': 'Eichler 2017',
  'Gerhard 2017': 'Eichler 2017',
  LN: 'LN',
  PN: 'PN',
  uPN: 'uPN',
  interneuron: 'KC',
  'nociceptive circuit': 'mushroom body circuit',
  'cell class': 'cell type',
  'cell type': 'lineage',
  hemisphere: 'side',
  papers: 'papers',
};

export interface IdMap {
  map(rec: RecordedRequest): { method: 'GET' | 'POST'; path: string; params: [string, string][] };
}

export function buildIdMap(store: DemoStore, ids: RecordedIds): IdMap {
  const p1 = store.projects.get(1);
  const p2 = store.projects.get(2);
  if (!p1 || !p2) throw new Error('demo projects missing');
  const byName = (p: typeof p1, prefix: string): number[] =>
    p.meta.neurons.filter((n) => n.name.startsWith(prefix)).map((n) => n.skeletonId);
  const ids1 = new Map<number, number>();
  const orn = byName(p1, 'ORN');
  const pn = byName(p1, 'PN');
  const ln = byName(p1, 'LN');
  const kc = byName(p1, 'KC');
  const mbon = byName(p1, 'MBON');
  const olf = [orn[0], ln[0], ln[1], ln[2], pn[0], ln[3]];
  ids.olfactory_skeletons.forEach((id, i) => ids1.set(id, olf[i] ?? orn[i] ?? 0));
  ids.nociceptive_L1_skeletons.forEach((id, i) =>
    ids1.set(id, [...kc.slice(0, 12), ...mbon.slice(0, 6)][i] ?? 0),
  );
  ids.L3_skeletons.forEach((id, i) => ids1.set(id, pn[i] ?? 0));
  let largest = 0;
  let largestSize = 0;
  p1.meta.neurons.forEach((n, s) => {
    const size = p1.nodeRange(s)[1] - p1.nodeRange(s)[0];
    if (size > largestSize) [largest, largestSize] = [n.skeletonId, size];
  });
  ids1.set(110589, largest);
  for (const [name, id] of Object.entries(ids.annotations_p6))
    ids1.set(id, p1.annotationByName.get(ANNOTATION_ROLE[name] ?? 'KC') ?? 0);
  const pnSkel = p1.skelById.get(pn[0] ?? 0) ?? 0;
  ids1.set(23674, p1.nodeId(p1.nodeRange(pnSkel)[0]));
  ids1.set(22606, p1.nodeId(p1.a.reviewNode[0] ?? 0));
  ids1.set(74080, p1.connId(0));
  // Project 3 requests go to the mini project.
  const ids2 = new Map<number, number>();
  [102520, 102536, 102556].forEach((id, i) => ids2.set(id, p2.meta.neurons[i]?.skeletonId ?? 0));
  ids2.set(102884, p2.annotationByName.get('classification') ?? 0);
  const nameMap: Record<string, string> = {
    broad: 'PN',
    '1a PN right': p1.meta.neurons.find((n) => n.name.startsWith('PN'))?.name ?? '',
    interneuron: 'KC',
  };
  return {
    map(rec) {
      const segs = rec.path.split('/');
      const pid = Number(segs[1]);
      const project = pid === 3 ? 2 : 1;
      const table = pid === 3 ? ids2 : ids1;
      const path = segs
        .map((seg, i) => {
          if (!/^\d+$/.test(seg)) return seg;
          if (i === 1) return String(project);
          if (segs[i - 1] === 'stack') return String(project === 1 ? 1 : 2);
          if (segs[i - 1] === 'volumes') return '1';
          return String(table.get(Number(seg)) ?? seg);
        })
        .join('/');
      const params = rec.params.map(([k, v]): [string, string] => {
        if (k.startsWith('user_ids')) return [k, String(p1.a.reviewer[0] ?? 3)];
        const mapped = v
          .split(',')
          .map((part) =>
            /^\d+$/.test(part)
              ? String(table.get(Number(part)) ?? part)
              : (nameMap[part] ?? ANNOTATION_ROLE[part] ?? part),
          );
        return [k, mapped.join(',')];
      });
      return { method: rec.method, path, params };
    },
  };
}
