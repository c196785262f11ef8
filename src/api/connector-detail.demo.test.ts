/**
 * GET /{pid}/connectors/{cid}/ on the demo: real CATMAID's keys in its order, one partner per
 * link that the skeletons' own compact-detail lists, and a DRF 404 for an unknown connector.
 */
import { describe, expect, it } from 'vitest';
import { demoAnswer } from '../../test-support/msw/demo-answer.ts';
import { CATMAID_TEST_BASE, demoStore } from '../../test-support/msw/handlers.ts';
import { dispatch } from '../../server/demo/dispatch.ts';
import { Params } from '../../server/demo/http/params.ts';

type Link = [number, number, number, number, number, number];

describe('demo connectors/{cid}/', () => {
  it('lists the links the partners’ compact-detail shows', () => {
    const [, links] = demoAnswer('GET', '/1/skeletons/1092/compact-detail', [
      ['with_connectors', 'true'],
    ]) as [unknown, Link[]];
    const link = links[0];
    if (!link) throw new Error('skeleton 1092 has no connector links');
    const [nodeId, connectorId, relation, x, y, z] = link;
    const answer = demoAnswer('GET', `/1/connectors/${connectorId}/`) as {
      partners: { partner_id: number; skeleton_id: number; relation_name: string }[];
    };
    expect(Object.keys(answer)).toEqual(['connector_id', 'x', 'y', 'z', 'confidence', 'partners']);
    expect(answer).toMatchObject({ connector_id: connectorId, x, y, z });
    expect(answer.partners).toContainEqual(
      expect.objectContaining({
        partner_id: nodeId,
        skeleton_id: 1092,
        relation_name: relation === 0 ? 'presynaptic_to' : 'postsynaptic_to',
      }),
    );
  });

  it('an unknown connector is a DRF 404', () => {
    const out = dispatch({
      method: 'GET',
      path: '/1/connectors/999999999/',
      query: new Params([]),
      body: new Params([]),
      token: null,
      expectedToken: null,
      store: demoStore(),
      baseUrl: `${CATMAID_TEST_BASE}/`,
    });
    expect(out.status).toBe(404);
    expect(JSON.parse(String(out.body))).toEqual({ detail: 'Not found.' });
  });
});
