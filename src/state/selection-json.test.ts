import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath, hasShared } from '../../test-support/shared-fixtures.ts';
import {
  parseSelectionFile,
  resolveFileEntries,
  selectionFileName,
  serializeSelectionFile,
} from './selection-json.ts';
import type { SelectedSkeleton } from './selection-types.ts';

const fallback = (i: number) => `#00000${i}`;
const all = (ids: number[]) => new Set(ids);

function entriesOf(text: string) {
  const r = parseSelectionFile(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('CATMAID selection file', () => {
  const items: SelectedSkeleton[] = [
    { skeletonId: 16, color: '#ffb200', opacity: 1, visible: true },
    { skeletonId: 2333007, color: '#00ccff', opacity: 0.6, visible: true },
  ];

  it('writes exactly what CATMAID Save JSON writes', () => {
    expect(serializeSelectionFile(items)).toBe(
      '[\n {\n  "skeleton_id": 16,\n  "color": "#ffb200",\n  "opacity": 1\n },\n {\n  "skeleton_id": 2333007,\n  "color": "#00ccff",\n  "opacity": 0.6\n }\n]',
    );
    expect(selectionFileName(new Date(2024, 0, 5))).toBe('catmaid-skeletons-2024-1-5.json');
  });

  it('round-trips exactly', () => {
    const text = serializeSelectionFile(items);
    const { entries } = entriesOf(text);
    const { items: back, unknown } = resolveFileEntries(entries, all([16, 2333007]), fallback);
    expect(unknown).toEqual([]);
    expect(back).toEqual(items);
    expect(serializeSelectionFile(back)).toBe(text);
  });

  it.skipIf(!hasShared)(
    'reads a real CATMAID selection file and writes it back byte for byte',
    () => {
      const text = readFileSync(
        dataPath('fafb-catmaid-api-recordings/catmaid-skeletons-selection.json'),
        'utf8',
      );
      const { entries, ignored } = entriesOf(text);
      expect(ignored).toBe(0);
      expect(entries.length).toBeGreaterThan(20);
      expect(entries[0]).toEqual({ skeletonId: 1180353, color: '#ffff00', opacity: 1 });
      const { items: back } = resolveFileEntries(
        entries,
        all(entries.map((e) => e.skeletonId)),
        fallback,
      );
      expect(serializeSelectionFile(back)).toBe(text.trimEnd());
    },
  );

  it("follows CATMAID's loader: no skeleton_id → ignored, falsy colour/opacity → defaults", () => {
    const { entries, ignored } = entriesOf(
      '[{"color":"#ff0000"}, 7, null, {"skeleton_id":"12","color":"","opacity":0}, {"skeleton_id":13,"color":"#ABC"}]',
    );
    expect(ignored).toBe(3);
    expect(entries).toEqual([
      { skeletonId: 12, color: null, opacity: null },
      { skeletonId: 13, color: '#aabbcc', opacity: null },
    ]);
    const { items: rows } = resolveFileEntries(entries, all([12, 13]), fallback);
    expect(rows).toEqual([
      { skeletonId: 12, color: '#000000', opacity: 1, visible: true },
      { skeletonId: 13, color: '#aabbcc', opacity: 1, visible: true },
    ]);
  });

  it('drops unknown skeletons and names them; a repeated id keeps its first place', () => {
    const { entries } = entriesOf(
      '[{"skeleton_id":1,"color":"#111111"},{"skeleton_id":99},{"skeleton_id":2},{"skeleton_id":1,"color":"#222222","opacity":0.5}]',
    );
    const { items: rows, unknown } = resolveFileEntries(entries, all([1, 2]), fallback);
    expect(unknown).toEqual([99]);
    expect(rows.map((r) => [r.skeletonId, r.color, r.opacity])).toEqual([
      [1, '#222222', 0.5],
      [2, '#000001', 1],
    ]);
  });

  it.each([
    ['not json', /not valid JSON/],
    ['{"skeleton_id": 1}', /expected a JSON array .* found an object/],
    ['"hello"', /found string "hello"/],
    ['[]', /no neurons/],
    ['[{"id": 1}, {"name": "x"}]', /none of its 2 entries has a "skeleton_id"/],
    ['[{"skeleton_id": "abc"}]', /entry 1: skeleton_id string "abc" is not a skeleton id/],
    ['[{"skeleton_id": 1.5}]', /entry 1: skeleton_id number 1.5/],
    [
      '[{"skeleton_id": 1}, {"skeleton_id": 2, "color": "red"}]',
      /entry 2 \(skeleton 2\): color string "red"/,
    ],
    ['[{"skeleton_id": 1, "opacity": 3}]', /opacity number 3 is not a number from 0 to 1/],
    ['[{"skeleton_id": 1, "opacity": "0.5"}]', /opacity string "0.5"/],
  ])('rejects %s with a message naming the problem', (text, message) => {
    const r = parseSelectionFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
