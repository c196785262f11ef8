import { describe, expect, it } from 'vitest';
import type { SkeletonOrigin } from '../../api/skeleton-origin.ts';
import { provenanceFacts, safeSourceUrl, sourceSkeletonUrl } from './provenance-facts.ts';

const origin = (url: string): SkeletonOrigin => ({
  skeletonId: 16,
  sourceId: 4411,
  dataSourceId: 2,
  dataSource: { id: 2, name: 'L1', url, sourceProjectId: 3 },
});

describe('provenance facts', () => {
  it('links the source skeleton on an http(s) source server only', () => {
    expect(sourceSkeletonUrl(origin('https://l1.example.org/catmaid/'))).toBe(
      'https://l1.example.org/catmaid/?pid=3&active_skeleton_id=4411&tool=tracingtool',
    );
    expect(safeSourceUrl('javascript:alert(1)')).toBeNull();
    expect(sourceSkeletonUrl(origin('javascript:alert(1)'))).toBeNull();
    expect(sourceSkeletonUrl(origin('not a url'))).toBeNull();
    expect(sourceSkeletonUrl({ ...origin('https://x.org/'), dataSource: undefined })).toBeNull();
  });

  it('exports an import with its source, and a traced skeleton as traced here', () => {
    const facts = provenanceFacts(origin('https://l1.example.org/'), 1234);
    expect(facts.map((f) => [f.key, f.value])).toEqual([
      ['origin', 'imported'],
      ['data_source_id', 2],
      ['data_source_name', 'L1'],
      ['data_source_url', 'https://l1.example.org/'],
      ['source_project_id', 3],
      ['source_skeleton_id', 4411],
      ['imported_nodes', 1234],
    ]);
    expect(facts.at(-1)?.shown).toBe('1,234');
    expect(provenanceFacts(null, 0).map((f) => [f.key, f.value])).toEqual([
      ['origin', 'traced here (no import record)'],
      ['imported_nodes', 0],
    ]);
  });
});
