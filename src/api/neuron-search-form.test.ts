import { describe, expect, it } from 'vitest';
import { encodePairs } from '../lib/http/encode-form.ts';
import { buildQueryTargetsForm } from './neuron-search-form.ts';

const TAIL = [
  ['types[0]', 'neuron'],
  ['with_annotations', 'false'],
  ['with_timestamps', 'false'],
];

describe('buildQueryTargetsForm', () => {
  it('defaults to neurons only, explicit flags', () => {
    expect(buildQueryTargetsForm({})).toEqual(TAIL);
  });

  it('substring name search (recorded p6-query-targets-by-name)', () => {
    expect(buildQueryTargetsForm({ name: 'broad', withAnnotations: true })).toEqual([
      ['name', 'broad'],
      ['types[0]', 'neuron'],
      ['with_annotations', 'true'],
      ['with_timestamps', 'false'],
    ]);
  });

  it('exact, case-sensitive, inverted name', () => {
    expect(
      buildQueryTargetsForm({
        name: '1a PN right',
        nameMatch: 'exact',
        caseSensitive: true,
        nameNot: true,
      }),
    ).toEqual([
      ['name', '1a PN right'],
      ['name_exact', 'true'],
      ['name_case_sensitive', 'true'],
      ['name_not', 'true'],
      ...TAIL,
    ]);
  });

  it('regex is sent with one leading slash, even if the pattern starts with one', () => {
    expect(buildQueryTargetsForm({ name: '^PN.*right$', nameMatch: 'regex' })[0]).toEqual([
      'name',
      '/^PN.*right$',
    ]);
    expect(buildQueryTargetsForm({ name: '/usr', nameMatch: 'regex' })[0]).toEqual([
      'name',
      '//usr',
    ]);
  });

  it('annotation terms: AND of comma-joined OR sets; sub_annotated_with equals the term value', () => {
    expect(
      buildQueryTargetsForm({
        annotatedWith: [[110448], [102964, 102966], []],
        includeSubAnnotations: [true, true],
      }),
    ).toEqual([
      ['annotated_with[0]', '110448'],
      ['annotated_with[1]', '102964,102966'],
      ['sub_annotated_with[0]', '110448'],
      ['sub_annotated_with[1]', '102964,102966'],
      ...TAIL,
    ]);
  });

  it('per-term sub-annotation flags and exclusion terms', () => {
    expect(
      buildQueryTargetsForm({
        annotatedWith: [[1], [2]],
        includeSubAnnotations: [false, true],
        notAnnotatedWith: [[3, 4]],
        excludeSubAnnotations: true,
      }),
    ).toEqual([
      ['annotated_with[0]', '1'],
      ['annotated_with[1]', '2'],
      ['not_annotated_with[0]', '3,4'],
      ['sub_annotated_with[0]', '2'],
      ['sub_annotated_with[1]', '3,4'],
      ...TAIL,
    ]);
  });

  it('by name (recorded p6-query-targets-by-annotation-name)', () => {
    expect(
      buildQueryTargetsForm({
        annotatedWith: [['interneuron'], ['left']],
        annotationReference: 'name',
        withAnnotations: true,
      }),
    ).toEqual([
      ['annotated_with[0]', 'interneuron'],
      ['annotated_with[1]', 'left'],
      ['annotation_reference', 'name'],
      ['types[0]', 'neuron'],
      ['with_annotations', 'true'],
      ['with_timestamps', 'false'],
    ]);
  });

  it('rejects names with commas (the server would split them)', () => {
    expect(() =>
      buildQueryTargetsForm({ annotatedWith: [['a, b']], annotationReference: 'name' }),
    ).toThrow(RangeError);
  });

  it('annotated_by is a repeated plain key; the end date is made inclusive', () => {
    const form = buildQueryTargetsForm({
      annotatedWith: [[7]],
      annotatedBy: [3, 5],
      annotationDateStart: '2026-11-01',
      annotationDateEnd: '2026-11-22',
    });
    expect(form).toEqual([
      ['annotated_with[0]', '7'],
      ['annotated_by', '3'],
      ['annotated_by', '5'],
      ['annotation_date_start', '2026-11-01'],
      ['annotation_date_end', '2026-11-23'],
      ...TAIL,
    ]);
    expect(encodePairs(form)).toContain('annotated_by=3&annotated_by=5');
  });

  it('types, timestamps, sorting and paging', () => {
    expect(
      buildQueryTargetsForm({
        types: ['neuron', 'annotation'],
        withTimestamps: true,
        sortBy: 'name',
        sortDir: 'desc',
        rangeStart: 200,
        rangeLength: 100,
      }),
    ).toEqual([
      ['types[0]', 'neuron'],
      ['types[1]', 'annotation'],
      ['with_annotations', 'false'],
      ['with_timestamps', 'true'],
      ['sort_by', 'name'],
      ['sort_dir', 'desc'],
      ['range_start', '200'],
      ['range_length', '100'],
    ]);
  });

  it('time orders force with_timestamps (else CATMAID answers 400); rangeLength alone pages from 0', () => {
    const form = buildQueryTargetsForm({ sortBy: 'annotated_on', rangeLength: 50 });
    expect(form).toContainEqual(['with_timestamps', 'true']);
    expect(form.slice(-2)).toEqual([
      ['range_start', '0'],
      ['range_length', '50'],
    ]);
    // range_start alone is ignored by the server, so it is not sent either.
    expect(buildQueryTargetsForm({ rangeStart: 10 })).toEqual(TAIL);
  });
});
