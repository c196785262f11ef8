/**
 * One node at a time (API ref §5.4, §7): a treenode's row (GET treenodes/{id}/compact-detail:
 * skeleton, location, parent, radius, confidence, last edition and its editor), its skeleton's
 * and neuron's names (GET treenodes/{id}/info), its tags (GET labels/treenode/{id}/) and a
 * connector with its partners (GET connectors/{id}/). CATMAID answers an unknown treenode with a
 * 400 ValueError and an unknown connector with a DRF 404.
 */
import { z } from 'zod';
import type { ProjectPoint } from '../lib/catmaid-link.ts';
import { defineEndpoint } from './endpoint.ts';
import { ROUTES } from './endpoint-list.ts';

export interface TreenodeRow {
  nodeId: number;
  parentId: number | null;
  location: ProjectPoint;
  confidence: number;
  /** nm; <= 0 means no radius. */
  radius: number;
  skeletonId: number;
  /** Epoch ms of the last edition. */
  editedAt: number;
  editorId: number;
}

const treenodeRowSchema = z.tuple([
  z.number(),
  z.number().nullable(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
]);

export const treenodeRowEndpoint = defineEndpoint({
  route: ROUTES.treenodeCompactDetail,
  schema: treenodeRowSchema,
  encode: (nodeId: number) => ({ path: { tnid: nodeId } }),
  decode: ([nodeId, parentId, x, y, z, confidence, radius, skeletonId, edited, editor]) => ({
    nodeId,
    parentId,
    location: { x, y, z },
    confidence,
    radius,
    skeletonId,
    editedAt: edited * 1000,
    editorId: editor,
  }),
});

export interface TreenodeInfo {
  skeletonId: number;
  skeletonName: string;
  neuronId: number;
  neuronName: string;
}

export const treenodeInfoEndpoint = defineEndpoint({
  route: ROUTES.treenodeInfo,
  schema: z.object({
    skeleton_id: z.number(),
    skeleton_name: z.string(),
    neuron_id: z.number(),
    neuron_name: z.string(),
  }),
  encode: (nodeId: number) => ({ path: { tnid: nodeId } }),
  decode: (w): TreenodeInfo => ({
    skeletonId: w.skeleton_id,
    skeletonName: w.skeleton_name,
    neuronId: w.neuron_id,
    neuronName: w.neuron_name,
  }),
});

export const treenodeLabelsEndpoint = defineEndpoint({
  route: ROUTES.treenodeLabels,
  schema: z.array(z.string()),
  encode: (nodeId: number) => ({ path: { tnid: nodeId } }),
  decode: (tags) => tags,
});

export interface ConnectorPartner {
  linkId: number;
  treenodeId: number;
  skeletonId: number;
  relation: string;
  confidence: number;
}

export interface ConnectorDetail {
  connectorId: number;
  location: ProjectPoint;
  confidence: number;
  partners: ConnectorPartner[];
}

export const connectorDetailEndpoint = defineEndpoint({
  route: ROUTES.connectorDetail,
  schema: z.object({
    connector_id: z.number(),
    x: z.number(),
    y: z.number(),
    z: z.number(),
    confidence: z.number(),
    partners: z.array(
      z.object({
        link_id: z.number(),
        partner_id: z.number(),
        confidence: z.number(),
        skeleton_id: z.number(),
        relation_id: z.number(),
        relation_name: z.string(),
      }),
    ),
  }),
  encode: (connectorId: number) => ({ path: { cid: connectorId } }),
  decode: (w): ConnectorDetail => ({
    connectorId: w.connector_id,
    location: { x: w.x, y: w.y, z: w.z },
    confidence: w.confidence,
    partners: w.partners.map((p) => ({
      linkId: p.link_id,
      treenodeId: p.partner_id,
      skeletonId: p.skeleton_id,
      relation: p.relation_name,
      confidence: p.confidence,
    })),
  }),
});
