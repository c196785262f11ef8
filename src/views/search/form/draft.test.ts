import { describe, expect, it } from 'vitest';
import { defaultSearchState } from '../../../state/search-url.ts';
import { draftToSearch, parseSkeletonIdList, searchToDraft } from './draft.ts';

const users = new Map([['jsmith', 6]]);
const userIdOf = (login: string) => users.get(login);

describe('search form draft', () => {
  it('parses pasted id lists separated by commas, spaces and new lines', () => {
    expect(parseSkeletonIdList('16, 17\n18 19;16')).toEqual({ ids: [16, 17, 18, 19], invalid: [] });
    expect(parseSkeletonIdList('16 abc 1e5 -3')).toEqual({
      ids: [16],
      invalid: ['abc', '1e5', '-3'],
    });
  });

  it('round-trips a full search through the draft', () => {
    const search = {
      ...defaultSearchState,
      name: 'PN',
      annotations: [{ name: 'cell type', not: false, sub: true }],
      annotatedBy: [6],
      dateFrom: '2025-01-01',
      dateTo: '2025-02-01',
      skeletonIds: [1, 2],
      connectivity: {
        direction: 'downstream' as const,
        source: { kind: 'annotation' as const, name: 'ORN' },
        minSynapses: 4,
      },
    };
    const draft = searchToDraft(search, (id) => (id === 6 ? 'jsmith' : undefined));
    expect(draftToSearch(draft, userIdOf)).toEqual({ search });
  });

  it('names every problem instead of submitting', () => {
    const draft = {
      ...searchToDraft(defaultSearchState, () => undefined),
      name: '/[unclosed/',
      annotator: 'nobody',
      idsText: '12 x',
      partnerDirection: 'upstream' as const,
      partnerValue: 'not-a-number',
      minSynapsesText: '0',
    };
    const result = draftToSearch(draft, userIdOf);
    expect('problems' in result && result.problems).toEqual([
      expect.stringMatching(/^Invalid regular expression/),
      'Unknown user: "nobody"',
      'Not skeleton IDs: "x"',
      'The minimum synapse count must be a whole number of at least 1.',
      '"not-a-number" is not a skeleton ID.',
    ]);
  });
});
