import { describe, expect, it } from 'vitest';
import { buildQueryTargetsForm } from '../../../api/neuron-search.ts';
import { defaultSearchState, type SearchUrlState } from '../../../state/search-url.ts';
import { resolveSearch } from './resolve-criteria.ts';

const ids = new Map([
  ['cell type', 1355],
  ['PN', 1361],
  ['left', 1380],
  ['complete', 1382],
]);

function form(patch: Partial<SearchUrlState>): [string, string][] {
  const resolved = resolveSearch({ ...defaultSearchState, ...patch }, ids);
  expect(resolved.problems).toEqual([]);
  if (!resolved.targets) throw new Error('no query-targets request');
  return buildQueryTargetsForm({ ...resolved.targets, rangeStart: 0, rangeLength: 5000 });
}

const tail: [string, string][] = [
  ['types[0]', 'neuron'],
  ['with_annotations', 'true'],
  ['with_timestamps', 'false'],
  ['sort_by', 'name'],
  ['sort_dir', 'asc'],
  ['range_start', '0'],
  ['range_length', '5000'],
];

describe('search → exact query-targets parameters', () => {
  it('lists every neuron when there is no criterion', () => {
    expect(form({})).toEqual(tail);
  });

  it('name substring, case-sensitive', () => {
    expect(form({ name: 'PN DA1', caseSensitive: true })).toEqual([
      ['name', 'PN DA1'],
      ['name_case_sensitive', 'true'],
      ...tail,
    ]);
  });

  it('exact name', () => {
    expect(form({ name: 'APL left', exact: true })).toEqual([
      ['name', 'APL left'],
      ['name_exact', 'true'],
      ...tail,
    ]);
  });

  it('regular expression /…/ is sent with one leading slash', () => {
    expect(form({ name: '/^KC.*left$/' })).toEqual([['name', '/^KC.*left$'], ...tail]);
  });

  it('annotation rows: AND of terms, NOT terms, sub-annotation expansion per row', () => {
    expect(
      form({
        annotations: [
          { name: 'cell type', not: false, sub: true },
          { name: 'left', not: false, sub: false },
          { name: 'complete', not: true, sub: false },
        ],
      }),
    ).toEqual([
      ['annotated_with[0]', '1355'],
      ['annotated_with[1]', '1380'],
      ['not_annotated_with[0]', '1382'],
      ['sub_annotated_with[0]', '1355'],
      ...tail,
    ]);
  });

  it('annotator (repeated plain key) and an inclusive date range (end sent as the next day)', () => {
    expect(
      form({
        annotations: [{ name: 'PN', not: false, sub: false }],
        annotatedBy: [3, 5],
        dateFrom: '2025-01-01',
        dateTo: '2025-06-30',
      }),
    ).toEqual([
      ['annotated_with[0]', '1361'],
      ['annotated_by', '3'],
      ['annotated_by', '5'],
      ['annotation_date_start', '2025-01-01'],
      ['annotation_date_end', '2025-07-01'],
      ...tail,
    ]);
  });
});

describe('search resolution problems and set criteria', () => {
  it('names an unknown annotation and an invalid regex', () => {
    const r = resolveSearch(
      {
        ...defaultSearchState,
        name: '/PN (/',
        annotations: [{ name: 'no such thing', not: false, sub: false }],
      },
      ids,
    );
    expect(r.problems).toEqual([
      expect.stringMatching(/^Invalid regular expression \/PN \(\//),
      'Unknown annotation: "no such thing"',
    ]);
  });

  it('asks for an annotation row when annotator or dates stand alone', () => {
    expect(resolveSearch({ ...defaultSearchState, annotatedBy: [3] }, ids).problems).toEqual([
      expect.stringContaining('add an annotation row'),
    ]);
  });

  it('an id list or a connectivity criterion alone needs no query-targets request', () => {
    const byIds = resolveSearch({ ...defaultSearchState, skeletonIds: [16, 17] }, ids);
    expect(byIds).toMatchObject({ targets: null, skeletonIds: [16, 17] });
    const upstream = resolveSearch(
      {
        ...defaultSearchState,
        connectivity: {
          direction: 'upstream',
          source: { kind: 'neuron', skeletonId: 1084 },
          minSynapses: 3,
        },
      },
      ids,
    );
    expect(upstream).toMatchObject({
      targets: null,
      connectivity: { direction: 'upstream', minSynapses: 3 },
    });
  });

  it('combines an id list with a name filter (intersection)', () => {
    const r = resolveSearch({ ...defaultSearchState, name: 'PN', skeletonIds: [16] }, ids);
    expect(r.targets?.name).toBe('PN');
    expect(r.skeletonIds).toEqual([16]);
  });
});
