/** Connector listings (catmaid-api.md §5.4). */
import { valueError } from '../http/errors.ts';
import { f32 } from '../http/float32.ts';
import type { ProjectCtx } from '../http/types.ts';
import { isoOffset } from '../time-format.ts';
import { gapJunctions } from '../data/gap-junctions.ts';
import { gapJunctionType } from './gap-partners.ts';

const RELATIONS = ['presynaptic_to', 'postsynaptic_to'];

function skeletonIndexes(ctx: ProjectCtx): [number, number][] {
  const ids = ctx.params.intList('skeleton_ids');
  if (!ids || ids.length === 0) throw valueError('At least one skeleton ID required');
  return ids
    .map((id) => [id, ctx.project.skelById.get(id)] as const)
    .filter((e): e is [number, number] => e[1] !== undefined);
}

export function connectorLinks(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const skeletons = skeletonIndexes(ctx);
  const relName = ctx.params.get('relation_type') ?? 'presynaptic_to';
  const rel = RELATIONS.indexOf(relName);
  const links: unknown[] = [];
  if (rel >= 0) {
    for (const [skid, s] of skeletons) {
      for (const l of p.links(s)) {
        if (a.linkRelation[l] !== rel) continue;
        const c = p.linkConn[l] ?? 0;
        const t = isoOffset(a.linkCreated[l] ?? 0);
        links.push([
          skid,
          p.connId(c),
          f32(a.cx[c] ?? 0),
          f32(a.cy[c] ?? 0),
          f32(a.cz[c] ?? 0),
          a.linkConfidence[l],
          a.linkCreator[l],
          p.nodeId(a.linkNode[l] ?? 0),
          t,
          t,
        ]);
      }
    }
  }
  // Demo connectors carry no tags; the key is always present, as on the real server.
  return { links, tags: {} };
}

export function connectorList(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const skeletons = skeletonIndexes(ctx);
  const relName = ctx.params.get('relation_type');
  const rel = relName === undefined ? -1 : RELATIONS.indexOf(relName);
  const without = (ctx.params.list('without_relation_types') ?? []).map((r) =>
    RELATIONS.indexOf(r),
  );
  const withPartners = ctx.params.bool('with_partners');
  const seen = new Set<number>();
  for (const [, s] of skeletons) {
    for (const l of p.links(s)) {
      if (relName !== undefined && a.linkRelation[l] !== rel) continue;
      seen.add(p.linkConn[l] ?? 0);
    }
  }
  const ordered = [...seen]
    .sort((x, y) => x - y)
    .filter((c) => {
      if (without.length === 0) return true;
      for (let k = a.connLinkStart[c] ?? 0; k < (a.connLinkStart[c + 1] ?? 0); k++)
        if (without.includes(a.linkRelation[k] ?? 0)) return false;
      return true;
    });
  const connectors = ordered.map((c) => [
    p.connId(c),
    f32(a.cx[c] ?? 0),
    f32(a.cy[c] ?? 0),
    f32(a.cz[c] ?? 0),
    5,
    a.connCreator[c],
    a.connCreator[c],
    a.connCreated[c],
    a.connCreated[c],
  ]);
  const partners: Record<string, unknown[]> = {};
  if (withPartners) {
    for (const c of ordered) {
      const rows: unknown[] = [];
      for (let k = a.connLinkStart[c] ?? 0; k < (a.connLinkStart[c + 1] ?? 0); k++) {
        const relId =
          a.linkRelation[k] === 0
            ? p.meta.relationIds.presynaptic_to
            : p.meta.relationIds.postsynaptic_to;
        rows.push([
          p.meta.linkBase + k,
          p.nodeId(a.linkNode[k] ?? 0),
          p.neuron(p.skelOfNode[a.linkNode[k] ?? 0] ?? 0).skeletonId,
          relId,
          a.linkConfidence[k],
          a.linkCreator[k],
          a.linkCreated[k],
          a.linkCreated[k],
        ]);
      }
      partners[p.connId(c)] = rows;
    }
  }
  return { connectors, tags: {}, partners };
}

export function connectorTypes(ctx: ProjectCtx): unknown {
  const ids = ctx.project.meta.relationIds;
  return [
    {
      name: 'Presynaptic',
      type: 'Synaptic',
      type_id: 'synaptic-connector',
      relation: 'presynaptic_to',
      relation_id: ids.presynaptic_to,
      isreciprocal: false,
      cardinality: 1,
      partner_reference: 'outgoing',
      partner_relation: 'postsynaptic_to',
    },
    {
      name: 'Postsynaptic',
      type: 'Synaptic',
      type_id: 'synaptic-connector',
      relation: 'postsynaptic_to',
      relation_id: ids.postsynaptic_to,
      isreciprocal: false,
      cardinality: null,
      partner_reference: 'incoming',
      partner_relation: 'presynaptic_to',
    },
    ...(gapJunctions(ctx.project).length > 0 ? [gapJunctionType] : []),
  ];
}
