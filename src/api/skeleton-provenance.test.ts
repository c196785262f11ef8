import { describe, expect, it } from 'vitest';
import { fakeScope } from './fake-scope.ts';
import { fetchChangeHistory, fetchImportInfo } from './skeleton-provenance.ts';

// No recordings exist for these two endpoints: the answers are the API reference's (§4.4),
// taken from a CATMAID 2021.12 server.
describe('skeletons/change-history', () => {
  it('sends the skeleton id as an indexed GET parameter and decodes the rows', async () => {
    const { scope, fake } = fakeScope(() => ({
      body: '[[[102520], 115, -1, 115], [[9, 102520], 4, -1, 3]]',
    }));
    expect(await fetchChangeHistory(scope, 102520)).toEqual([
      { path: [102520], nodeCount: 115, maxPos: -1, liveCount: 115 },
      { path: [9, 102520], nodeCount: 4, maxPos: -1, liveCount: 3 },
    ]);
    const call = fake.calls[0];
    expect(call?.method).toBe('GET');
    expect(decodeURIComponent(call?.url ?? '')).toBe(
      '/api/catmaid/6/skeletons/change-history?skeleton_ids[0]=102520',
    );
  });

  it('rejects a row of another shape', async () => {
    const { scope } = fakeScope(() => ({ body: '[[102520, 115]]' }));
    await expect(fetchChangeHistory(scope, 1)).rejects.toMatchObject({ kind: 'schema' });
  });
});

describe('skeletons/import-info', () => {
  it('reads the imported node count of the skeleton, 0 when it is not listed', async () => {
    const { scope } = fakeScope(() => ({
      body: '{"102520": {"n_imported_treenodes": 7, "imported_treenodes": null}}',
    }));
    expect(await fetchImportInfo(scope, 102520)).toBe(7);
    expect(await fetchImportInfo(scope, 5)).toBe(0);
  });
});
