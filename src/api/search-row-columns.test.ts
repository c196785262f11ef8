import { describe, expect, it } from 'vitest';
import { SchemaError } from '../lib/http/errors.ts';
import { decodeSearchRowColumns } from './search-row-columns.ts';

const entity = (id: number, skids: number[], annotations: [number, string][]) => ({
  id,
  name: `neuron ${id}`,
  type: 'neuron',
  skeleton_ids: skids,
  annotations: annotations.map(([aid, name]) => ({ id: aid, name, uid: 3 })),
});

describe('decodeSearchRowColumns', () => {
  it('makes one row per skeleton and shares annotations between rows', () => {
    const c = decodeSearchRowColumns({
      totalRecords: 40,
      entities: [
        entity(11, [10, 12], [[500, 'PN']]),
        entity(21, [], [[501, 'orphan']]),
        entity(
          31,
          [30],
          [
            [501, 'orphan'],
            [500, 'PN'],
          ],
        ),
      ],
    });
    expect(c.total).toBe(40);
    expect(c.entityCount).toBe(3);
    expect([...c.skeletonIds]).toEqual([10, 12, 30]);
    expect([...c.neuronIds]).toEqual([11, 11, 31]);
    expect(c.names).toEqual(['neuron 11', 'neuron 11', 'neuron 31']);
    // The skeleton-less neuron adds no row, and its annotation is not listed for any row.
    expect([...c.annStart]).toEqual([0, 1, 2, 4]);
    const ann = (k: number) => c.annotationNames[c.annotationOf[k] ?? -1];
    expect([ann(0), ann(1), ann(2), ann(3)]).toEqual(['PN', 'PN', 'orphan', 'PN']);
    expect([...c.annotationIds].sort()).toEqual([500, 501]);
  });

  it('rejects a malformed entity with the same SchemaError as the main-thread decoder', () => {
    expect(() =>
      decodeSearchRowColumns({ totalRecords: 1, entities: [{ id: 'x', name: 3 }] }),
    ).toThrow(SchemaError);
  });
});
