import { describe, expect, it } from 'vitest';
import { buildHierarchy, groupByMetaAnnotation, metaAnnotations } from './annotation-groups.ts';
import { outcomeMessage, pasteLines, unknownLine } from './add-report.ts';
import {
  listForMessage,
  malformedCount,
  parseIdList,
  parseIdListInSlices,
} from './parse-id-list.ts';

describe('pasted skeleton id lists', () => {
  it('splits on commas, semicolons, spaces and newlines; counts repeats once', () => {
    const r = parseIdList('16, 17\n18;19\t16  ');
    expect(r.ids).toEqual([16, 17, 18, 19]);
    expect(r.repeated).toBe(1);
    expect(malformedCount(r)).toBe(0);
  });
  it('counts what is not an id by kind and keeps a few examples', () => {
    const r = parseIdList('16 abc 1.5 -3 0 000 17 abc 99999999999999999 9007199254740993 007');
    expect(r.ids).toEqual([16, 17, 7]);
    expect(r.malformed).toEqual({ nonNumeric: 3, negative: 1, zero: 2, overlong: 2 });
    expect(r.examples).toEqual(['abc', '1.5', '-3', '0', '000']);
    expect(parseIdList('  ').ids).toEqual([]);
  });
  it('reads 100,000 ids in slices with the same result as at once, and can be cancelled', async () => {
    const tokens = Array.from({ length: 100_000 }, (_, i) =>
      i % 1000 === 0 ? 'x' : String(1 + ((i * 7919) % 60_000)),
    );
    // Mixed separators, as pasted from spreadsheets and CATMAID exports.
    const text = tokens.join(',\n');
    const whole = parseIdList(text);
    const sliced = await parseIdListInSlices(text, { sliceChars: 997 });
    expect(sliced).toEqual(whole);
    expect(whole.malformed.nonNumeric).toBe(100);
    expect(whole.ids.length + whole.repeated).toBe(99_900);
    const abort = new AbortController();
    const pending = parseIdListInSlices(text, { sliceChars: 997, signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toThrow();
  });
  it('formats lists for messages', () => {
    expect(listForMessage([1])).toBe('1');
    expect(listForMessage([1, 2])).toBe('1 and 2');
    expect(listForMessage(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
    expect(listForMessage([1, 2, 3, 4, 5, 6, 7])).toBe('1, 2, 3, 4, 5 and 2 more');
  });
  it('reports every count of an add', () => {
    const list = parseIdList('16 17 17 abc -1 0 12345678901234567');
    expect(pasteLines(list, 1)).toEqual([
      '4 entries skipped as not skeleton ids: 1 not a number, 1 negative, 1 zero, 1 too long (e.g. "abc", "-1", "0", "12345678901234567"). Skeleton ids are whole numbers from 1, separated by commas, spaces or new lines.',
      '1 repeated id counted once.',
      '1 neuron already in the selection.',
    ]);
    const unknown = Array.from({ length: 99_000 }, (_, i) => i + 1);
    expect(unknownLine(unknown, true)).toBe(
      '99,000 skeletons do not exist in this project and were left out: 1, 2, 3, 4, 5 and 98,995 more.',
    );
    expect(unknownLine([8, 9], false)).toBe('Skeletons 8 and 9 do not exist in this project.');
    expect(outcomeMessage({ added: 7, problems: [] }, 'the pasted ids').lines).toEqual([
      'Added 7 neurons from the pasted ids.',
    ]);
  });
});

describe('colour by annotation', () => {
  // The demo project's hierarchy: classification → cell type → PN → uPN, KC → KC-g, …
  const h = buildHierarchy([
    { id: 1, name: 'classification', annotations: [] },
    { id: 2, name: 'cell type', annotations: [{ id: 1 }] },
    { id: 10, name: 'PN', annotations: [{ id: 2 }] },
    { id: 11, name: 'KC', annotations: [{ id: 2 }] },
    { id: 12, name: 'APL', annotations: [{ id: 2 }] },
    { id: 20, name: 'uPN', annotations: [{ id: 10 }] },
    { id: 21, name: 'KC-g', annotations: [{ id: 11 }, { id: 21 }] },
    { id: 30, name: 'left', annotations: [] },
  ]);
  const palette = ['#aa0000', '#00aa00', '#0000aa'];
  const color = (i: number) => palette[i] ?? '#ffffff';

  it('lists the meta-annotations', () => {
    expect(metaAnnotations(h).map((m) => [m.name, m.groupCount])).toEqual([
      ['cell type', 3],
      ['classification', 1],
      ['KC', 1],
      ['KC-g', 1],
      ['PN', 1],
    ]);
  });

  it('colours each neuron by its group (following sub-annotations), the rest neutral', () => {
    const annotationsOf = new Map([
      [100, [{ id: 20 }, { id: 30 }]], // uPN → PN
      [101, [{ id: 21 }]], // KC-g → KC
      [102, [{ id: 11 }]], // KC
      [103, [{ id: 30 }]], // no cell type
      [104, [{ id: 10 }, { id: 11 }]], // PN and KC: first by name (KC)
    ]);
    const { colors, legend } = groupByMetaAnnotation(
      h,
      2,
      [100, 101, 102, 103, 104, 105],
      annotationsOf,
      color,
    );
    // Groups by name: APL (0), KC (1), PN (2).
    expect(Object.fromEntries(colors)).toEqual({
      100: '#0000aa',
      101: '#00aa00',
      102: '#00aa00',
      103: '#a3a8ae',
      104: '#00aa00',
      105: '#a3a8ae',
    });
    expect(legend).toEqual([
      { label: 'KC', color: '#00aa00', count: 3 },
      { label: 'PN', color: '#0000aa', count: 1 },
      { label: 'no cell type', color: '#a3a8ae', count: 2 },
    ]);
  });

  it('an annotation without sub-annotations gives one neutral group', () => {
    const { legend } = groupByMetaAnnotation(h, 30, [1, 2], new Map(), color);
    expect(legend).toEqual([{ label: 'no left', color: '#a3a8ae', count: 2 }]);
  });
});
