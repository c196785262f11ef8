/**
 * GET /{pid}/connectors/{cid}/ (catmaid-api.md §5.4, CATMAID `connector_detail`): the connector's
 * location and confidence and one partner entry per link; a connector that does not exist (or
 * has no links) is a DRF 404, as Django's Http404 inside an api_view becomes.
 */
import { DrfError } from '../http/errors.ts';
import { f32 } from '../http/float32.ts';
import { arg, type ProjectCtx } from '../http/types.ts';

export function connectorDetail(ctx: ProjectCtx): unknown {
  const p = ctx.project;
  const a = p.a;
  const c = p.connIndex(arg(ctx, 0));
  const first = c < 0 ? 0 : (a.connLinkStart[c] ?? 0);
  const end = c < 0 ? 0 : (a.connLinkStart[c + 1] ?? 0);
  if (c < 0 || end <= first) throw new DrfError(404, 'Not found.');
  const partners: unknown[] = [];
  for (let k = first; k < end; k++) {
    const pre = a.linkRelation[k] === 0;
    partners.push({
      link_id: p.meta.linkBase + k,
      partner_id: p.nodeId(a.linkNode[k] ?? 0),
      confidence: a.linkConfidence[k],
      skeleton_id: p.neuron(p.skelOfNode[a.linkNode[k] ?? 0] ?? 0).skeletonId,
      relation_id: pre ? p.meta.relationIds.presynaptic_to : p.meta.relationIds.postsynaptic_to,
      relation_name: pre ? 'presynaptic_to' : 'postsynaptic_to',
    });
  }
  // Demo connectors are all of confidence 5 (as connectors/ lists them).
  return {
    connector_id: p.connId(c),
    x: f32(a.cx[c] ?? 0),
    y: f32(a.cy[c] ?? 0),
    z: f32(a.cz[c] ?? 0),
    confidence: 5,
    partners,
  };
}
