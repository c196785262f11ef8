import { describe, expect, it } from 'vitest';
import { hasShared, recordingJson } from '../../test-support/shared-fixtures.ts';
import { decodeCompactDetail } from '../api/compact-detail-decode.ts';
import { computeContributions, sumContributions } from './contributions.ts';

// Loaded inside the tests: a describe body runs even when skipped, and ../shared may be absent.
function fixture() {
  const detail = decodeCompactDetail(
    recordingJson('p6-compact-detail-102973-connectors-tags-reviews.json'),
    102973,
  );
  const server = recordingJson('p6-contributor-statistics-102973.json') as {
    n_nodes: number;
    node_contributors: Record<string, number>;
    review_contributors: Record<string, number>;
    n_pre: number;
    n_post: number;
  };
  const rows = computeContributions([detail]);
  return { server, rows, byUser: new Map(rows.map((r) => [r.userId, r])) };
}

describe.skipIf(!hasShared)('who built broad D1 right (102973)', () => {
  it('nodes and reviews per user equal CATMAID contributor statistics', () => {
    const { server, rows, byUser } = fixture();
    for (const [u, n] of Object.entries(server.node_contributors))
      expect(byUser.get(Number(u))?.nodes, `user ${u}`).toBe(n);
    for (const [u, n] of Object.entries(server.review_contributors))
      expect(byUser.get(Number(u))?.reviews, `user ${u}`).toBe(n);
    const total = sumContributions(rows);
    expect(total.nodes).toBe(server.n_nodes);
    expect(total.pre).toBe(server.n_pre);
    expect(total.post).toBe(server.n_post);
  });

  it('cable per creator sums to the skeleton cable (README: 740,234 nm)', () => {
    const { rows } = fixture();
    expect(sumContributions(rows).cable).toBeCloseTo(740.234, 0);
  });
});
