/**
 * One query-targets page as result-row columns: a row per (neuron, skeleton), ids in typed
 * arrays, each row's annotations as ids into the page's annotation list. The search worker
 * decodes pages into this form so the main thread receives a few arrays (transferred, not
 * copied object by object) instead of allocating and validating thousands of small objects: at
 * 50,000 results that garbage made the main thread's garbage collections alone take 40-70 ms.
 */
import { decodeEntity, type SearchEntity } from './neuron-search.ts';

export interface SearchRowColumns {
  /** Matches reported by the server, independent of paging. */
  total: number;
  /** Entities in this page (the paging cursor counts entities, not rows). */
  entityCount: number;
  skeletonIds: Float64Array;
  neuronIds: Float64Array;
  names: string[];
  /** Row r's annotations are `annotationOf[annStart[r] .. annStart[r+1]-1]`. */
  annStart: Int32Array;
  /** Indexes into `annotationIds`/`annotationNames`. */
  annotationOf: Int32Array;
  /** The page's distinct annotations. */
  annotationIds: Float64Array;
  annotationNames: string[];
}

/** The arrays to transfer with a page (postMessage moves them instead of copying). */
export function transferablesOf(c: SearchRowColumns): ArrayBuffer[] {
  return [c.skeletonIds, c.neuronIds, c.annStart, c.annotationOf, c.annotationIds].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** Rows of already decoded entities (the main-thread path when no worker is available). */
export function columnsFromEntities(
  entities: readonly SearchEntity[],
  total: number,
): SearchRowColumns {
  const rows = entities.reduce((n, e) => n + e.skeletonIds.length, 0);
  const out: SearchRowColumns = {
    total,
    entityCount: entities.length,
    skeletonIds: new Float64Array(rows),
    neuronIds: new Float64Array(rows),
    names: new Array<string>(rows),
    annStart: new Int32Array(rows + 1),
    annotationOf: new Int32Array(0),
    annotationIds: new Float64Array(0),
    annotationNames: [],
  };
  const index = new Map<number, number>();
  const names: string[] = [];
  const of: number[] = [];
  let r = 0;
  for (const e of entities) {
    for (const skid of e.skeletonIds) {
      out.skeletonIds[r] = skid;
      out.neuronIds[r] = e.id;
      out.names[r] = e.name;
      for (const a of e.annotations) {
        let k = index.get(a.id);
        if (k === undefined) {
          k = names.length;
          index.set(a.id, k);
          names.push(a.name);
        }
        of.push(k);
      }
      r++;
      out.annStart[r] = of.length;
    }
  }
  out.annotationOf = Int32Array.from(of);
  out.annotationIds = Float64Array.from(index.keys());
  out.annotationNames = names;
  return out;
}

/**
 * A query-targets answer (envelope already checked) decoded and validated entity by entity,
 * exactly as `fetchNeuronSearch` does (same SchemaError on a bad entity), then as columns.
 */
export function decodeSearchRowColumns(wire: {
  entities: readonly unknown[];
  totalRecords: number;
}): SearchRowColumns {
  const entities = wire.entities.map((raw, i) => decodeEntity(raw, i));
  return columnsFromEntities(entities, wire.totalRecords);
}
