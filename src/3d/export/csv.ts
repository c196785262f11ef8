/**
 * Node and connector tables as CSV (RFC 4180 quoting), one row per node / connector link.
 * Coordinates and radii are float32 on the server: written with the digits CATMAID prints.
 */
import type { SkeletonDetail } from '../../api/skeleton-detail.ts';
import { csvField } from '../../lib/csv.ts';
import { shortFloat32 } from '../../lib/float32.ts';

export interface CsvSkeleton {
  skeletonId: number;
  name: string;
  detail: SkeletonDetail;
  strahler: Uint8Array;
}

const RELATION_NAMES: Record<number, string> = {
  0: 'presynaptic_to',
  1: 'postsynaptic_to',
  2: 'gapjunction_with',
  3: 'desmosome_with',
};

export function nodeTableCsv(
  skeletons: readonly CsvSkeleton[],
  userLogin: (id: number) => string,
): string {
  const rows = [
    'skeleton_id,neuron_name,node_id,parent_id,x_nm,y_nm,z_nm,radius_nm,confidence,creator_id,creator,strahler_order,soma',
  ];
  for (const s of skeletons) {
    const d = s.detail;
    const name = csvField(s.name);
    for (let i = 0; i < d.nodeCount; i++) {
      const p = d.parentIndex[i] ?? -1;
      const creator = d.creatorIds[i] ?? 0;
      rows.push(
        [
          s.skeletonId,
          name,
          d.nodeIds[i] ?? 0,
          p >= 0 ? (d.nodeIds[p] ?? '') : '',
          shortFloat32(d.positions[i * 3] ?? 0),
          shortFloat32(d.positions[i * 3 + 1] ?? 0),
          shortFloat32(d.positions[i * 3 + 2] ?? 0),
          shortFloat32(d.radii[i] ?? 0),
          d.confidences[i] ?? 0,
          creator,
          csvField(userLogin(creator)),
          s.strahler[i] ?? 1,
          i === d.somaIndex ? 1 : 0,
        ].join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

export function connectorTableCsv(skeletons: readonly CsvSkeleton[]): string {
  const rows = ['skeleton_id,neuron_name,connector_id,node_id,relation,x_nm,y_nm,z_nm'];
  for (const s of skeletons) {
    const c = s.detail.connectors;
    for (let i = 0; i < c.relations.length; i++) {
      const node = c.nodeIndex[i] ?? -1;
      rows.push(
        [
          s.skeletonId,
          csvField(s.name),
          c.connectorIds[i] ?? 0,
          node >= 0 ? (s.detail.nodeIds[node] ?? '') : '',
          RELATION_NAMES[c.relations[i] ?? -1] ?? 'other',
          shortFloat32(c.positions[i * 3] ?? 0),
          shortFloat32(c.positions[i * 3 + 1] ?? 0),
          shortFloat32(c.positions[i * 3 + 2] ?? 0),
        ].join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
