/**
 * Node lookup against real CATMAID answers: treenode 23674 of project 6 (the 1a PN's soma, per
 * the recordings' index) through its recorded info, tags and user-info answers; an unknown id
 * through the recorded 400 ValueError. The treenode row and connector detail were not recorded:
 * their fixtures are the documented shapes (catmaid-api.md §7 and §5.4, CATMAID `connector_detail`).
 */
import { describe, expect, it } from 'vitest';
import { hasShared, recording, recordingText } from '../../test-support/shared-fixtures.ts';
import { fakeScope } from './fake-scope.ts';
import { findNode } from './find-node.ts';

const ROW_23674 =
  '[23674, null, 17362.2, 42240.8, 21600.0, 5, 2450.0, 102994, 1758553629.098982, 10]';
const DRF_404 = { status: 404, body: '{"detail": "Not found."}' };

describe.skipIf(!hasShared)('findNode against real CATMAID responses', () => {
  it('a treenode: skeleton, neuron, location, tags, creator and reviewers', async () => {
    const errorRec = recording('error-nonexistent-treenode-info.json');
    expect(errorRec.status).toBe(400);
    const { scope, fake } = fakeScope(({ url }) => {
      if (url.endsWith('/treenodes/23674/compact-detail')) return { body: ROW_23674 };
      if (url.endsWith('/treenodes/23674/info'))
        return { body: recordingText('p6-treenode-23674-info.json') };
      if (url.endsWith('/labels/treenode/23674/'))
        return { body: recordingText('p6-treenode-23674-labels.json') };
      if (url.includes('/node/user-info')) return { body: recordingText('p6-node-user-info.json') };
      return DRF_404;
    });
    const found = await findNode(scope, 23674);
    expect(found).toMatchObject({
      kind: 'treenode',
      nodeId: 23674,
      row: { skeletonId: 102994, location: { x: 17362.2, y: 42240.8, z: 21600 }, parentId: null },
      info: { skeletonId: 102994, neuronId: 102995, neuronName: '1a PN right' },
      tags: ['soma'],
      user: { creatorId: 10, reviewerIds: [11] },
    });
    expect(fake.calls.map((c) => c.url.replace(/\?.*/, ''))).toEqual([
      '/api/catmaid/6/treenodes/23674/compact-detail',
      '/api/catmaid/6/treenodes/23674/info',
      '/api/catmaid/6/labels/treenode/23674/',
      '/api/catmaid/6/node/user-info',
    ]);
  });

  it('an id that is no treenode (recorded 400) and no connector (404) is missing', async () => {
    const { scope } = fakeScope(({ url }) =>
      url.includes('/treenodes/')
        ? { status: 400, body: recordingText('error-nonexistent-treenode-info.json') }
        : DRF_404,
    );
    expect(await findNode(scope, 999999999)).toEqual({ kind: 'missing', nodeId: 999999999 });
  });
});

describe('findNode on a connector', () => {
  it('falls back to connectors/{id}/ and lists its partners', async () => {
    const { scope } = fakeScope(({ url }) => {
      if (url.includes('/treenodes/'))
        return { status: 400, body: '{"error": "No treenode", "type": "ValueError"}' };
      if (url.endsWith('/connectors/77/'))
        return {
          body: JSON.stringify({
            connector_id: 77,
            x: 1.5,
            y: 2,
            z: 3,
            confidence: 5,
            partners: [
              {
                link_id: 9,
                partner_id: 23674,
                confidence: 5,
                skeleton_id: 102994,
                relation_id: 11,
                relation_name: 'presynaptic_to',
              },
            ],
          }),
        };
      return {
        body: '{"77": {"user": 4, "editor": 4, "creation_time": "2026-10-19T09:00:37+00:00", "edition_time": "2026-10-19T09:00:37+00:00", "reviewers": [], "review_times": []}}',
      };
    });
    expect(await findNode(scope, 77)).toMatchObject({
      kind: 'connector',
      location: { x: 1.5, y: 2, z: 3 },
      partners: [{ treenodeId: 23674, skeletonId: 102994, relation: 'presynaptic_to' }],
      user: { creatorId: 4 },
    });
  });

  it('a server error is an error, not "missing"', async () => {
    const { scope } = fakeScope(() => ({
      status: 500,
      body: '{"error": "boom", "type": "Exception"}',
    }));
    await expect(findNode(scope, 5)).rejects.toThrow();
  });
});
