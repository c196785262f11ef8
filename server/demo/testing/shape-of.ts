/**
 * Structural shape of a JSON value, to compare demo answers with real CATMAID recordings:
 * objects → key sets (objects keyed by numeric IDs collapse to one "id map"), arrays → union of
 * element shapes (arrays of arrays are tables: rows grouped by length, position by position),
 * scalars → type, and strings that are timestamps → their format class (catmaid-api.md §1.6).
 */
export type Shape =
  | { k: 'null' | 'boolean' | 'number' | 'string' }
  | { k: 'time'; format: string }
  | { k: 'object'; fields: Record<string, Shape[]> }
  | { k: 'idmap'; values: Shape[] }
  | { k: 'empty-object' }
  | { k: 'list'; items: Shape[] }
  | { k: 'table'; rows: Record<number, Shape[][]> }
  | { k: 'tuple'; items: Shape[][] };

const TIME_FORMATS: [string, RegExp][] = [
  ['django-json', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/],
  ['iso-offset', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00:00$/],
  ['py-str', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00:00$/],
  ['yyyymmdd', /^\d{8}$/],
];

const key = (s: Shape): string => JSON.stringify(s);

function union(shapes: Shape[]): Shape[] {
  const seen = new Map<string, Shape>();
  for (const s of shapes) seen.set(key(s), s);
  return [...seen.values()];
}

/** Paths (like `$[2]` or `$.skeletons.*[2]`) whose objects are maps keyed by free names. */
export interface ShapeOptions {
  nameMaps?: string[];
}

export function shapeOf(v: unknown, opts: ShapeOptions = {}, path = '$'): Shape {
  if (v === null) return { k: 'null' };
  if (typeof v === 'boolean') return { k: 'boolean' };
  if (typeof v === 'number') return { k: 'number' };
  if (typeof v === 'string') {
    const fmt = TIME_FORMATS.find(([, re]) => re.test(v));
    return fmt ? { k: 'time', format: fmt[0] } : { k: 'string' };
  }
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every(Array.isArray)) {
      const rows: Record<number, Shape[][]> = {};
      for (const row of v as unknown[][]) {
        const cols = (rows[row.length] ??= row.map(() => []));
        row.forEach((cell, i) => cols[i]?.push(shapeOf(cell, opts, `${path}[]`)));
      }
      for (const len of Object.keys(rows)) rows[Number(len)] = (rows[Number(len)] ?? []).map(union);
      return { k: 'table', rows };
    }
    const items = v.map((x, i) => shapeOf(x, opts, `${path}[${i}]`));
    // Arrays holding both arrays and objects (compact-detail's [nodes, connectors, tags, …]) are positional.
    const hasArray = items.some((s) => s.k === 'list' || s.k === 'table' || s.k === 'tuple');
    const hasObject = items.some(
      (s) => s.k === 'object' || s.k === 'idmap' || s.k === 'empty-object',
    );
    if (hasArray && hasObject) return { k: 'tuple', items: items.map((s) => [s]) };
    return { k: 'list', items: union(items) };
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return { k: 'empty-object' };
    const isNameMap = (opts.nameMaps ?? []).includes(path.replace(/\.-?\d+/g, '.*'));
    if (isNameMap || entries.every(([k]) => /^-?\d+$/.test(k)))
      return {
        k: 'idmap',
        values: union(entries.map(([k, x]) => shapeOf(x, opts, `${path}.${k}`))),
      };
    const fields: Record<string, Shape[]> = {};
    for (const [k, x] of entries.sort(([a], [b]) => a.localeCompare(b)))
      fields[k] = [shapeOf(x, opts, `${path}.${k}`)];
    return { k: 'object', fields };
  }
  return { k: 'null' };
}

/**
 * Differences of a demo shape from a recorded one. Empty demo containers match anything of the
 * same kind (the data differ, not the format); a recorded empty container accepts any content.
 */
export function shapeDiff(demo: Shape, rec: Shape, path = '$'): string[] {
  if (
    demo.k === 'empty-object' &&
    (rec.k === 'object' || rec.k === 'idmap' || rec.k === 'empty-object')
  )
    return [];
  if (rec.k === 'empty-object' && (demo.k === 'idmap' || demo.k === 'object')) return [];
  if (
    demo.k === 'list' &&
    demo.items.length === 0 &&
    (rec.k === 'list' || rec.k === 'table' || rec.k === 'tuple')
  )
    return [];
  if (rec.k === 'list' && rec.items.length === 0 && (demo.k === 'list' || demo.k === 'table'))
    return [];
  if (demo.k !== rec.k) return [`${path}: ${demo.k} (demo) vs ${rec.k} (recording)`];
  switch (demo.k) {
    case 'time':
      return rec.k === 'time' && rec.format !== demo.format
        ? [`${path}: time ${demo.format} vs ${rec.format}`]
        : [];
    case 'object': {
      if (rec.k !== 'object') return [];
      const dk = Object.keys(demo.fields).join(',');
      const rk = Object.keys(rec.fields).join(',');
      if (dk !== rk) return [`${path}: keys ${dk} vs ${rk}`];
      return Object.keys(demo.fields).flatMap((k) =>
        unionDiff(demo.fields[k] ?? [], rec.fields[k] ?? [], `${path}.${k}`),
      );
    }
    case 'idmap':
      return rec.k === 'idmap' ? unionDiff(demo.values, rec.values, `${path}.<id>`) : [];
    case 'list':
      return rec.k === 'list' ? unionDiff(demo.items, rec.items, `${path}[]`) : [];
    case 'tuple':
      if (rec.k !== 'tuple') return [];
      if (demo.items.length !== rec.items.length)
        return [`${path}: tuple of ${demo.items.length} vs ${rec.items.length}`];
      return demo.items.flatMap((d, i) => unionDiff(d, rec.items[i] ?? [], `${path}[${i}]`));
    case 'table': {
      if (rec.k !== 'table') return [];
      return Object.entries(demo.rows).flatMap(([len, cols]) => {
        const recCols = rec.rows[Number(len)];
        if (!recCols)
          return [
            `${path}: row length ${len} not in recording (${Object.keys(rec.rows).join('/')})`,
          ];
        return cols.flatMap((c, i) => unionDiff(c, recCols[i] ?? [], `${path}[][${i}]`));
      });
    }
    default:
      return [];
  }
}

function unionDiff(demo: Shape[], rec: Shape[], path: string): string[] {
  if (rec.length === 0) return [];
  const out: string[] = [];
  for (const d of demo) {
    const options = rec.map((r) => shapeDiff(d, r, path));
    if (!options.some((o) => o.length === 0))
      out.push(...(options.sort((a, b) => a.length - b.length)[0] ?? []));
  }
  return out;
}
