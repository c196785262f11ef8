/**
 * The Neuron view's provenance (pymaid `get_origin`, `get_import_info`): where the skeleton came
 * from, as shown and as exported, and a link to it on the source server.
 */
import type { Fact } from '../../analysis/neuron/facts-csv.ts';
import type { SkeletonOrigin } from '../../api/skeleton-origin.ts';
import { formatCount } from '../../lib/format.ts';

/** The source server's root as a link target; null unless http(s) (a recorded URL is data). */
export function safeSourceUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * The skeleton on its source server: CATMAID opens a project and selects a skeleton from the
 * `pid` and `active_skeleton_id` URL parameters (the tracing tool shows it).
 */
export function sourceSkeletonUrl(origin: SkeletonOrigin): string | null {
  const root = origin.dataSource ? safeSourceUrl(origin.dataSource.url) : null;
  if (!root || !origin.dataSource) return null;
  root.search = '';
  root.searchParams.set('pid', String(origin.dataSource.sourceProjectId));
  root.searchParams.set('active_skeleton_id', String(origin.sourceId));
  root.searchParams.set('tool', 'tracingtool');
  return root.toString();
}

const fact = (key: string, label: string, value: string | number): Fact => ({
  key,
  label,
  value,
  shown: typeof value === 'number' ? String(value) : value,
});

export function provenanceFacts(
  origin: SkeletonOrigin | null,
  importedNodes: number | undefined,
): Fact[] {
  const facts: Fact[] = [
    fact('origin', 'Origin', origin ? 'imported' : 'traced here (no import record)'),
  ];
  if (origin) {
    const ds = origin.dataSource;
    facts.push(
      fact('data_source_id', 'Data source id', origin.dataSourceId),
      fact('data_source_name', 'Data source', ds?.name ?? 'not listed by the server'),
      fact('data_source_url', 'Source server', ds?.url ?? ''),
      fact('source_project_id', 'Source project', ds?.sourceProjectId ?? ''),
      fact('source_skeleton_id', 'Source skeleton', origin.sourceId),
    );
  }
  if (importedNodes !== undefined)
    facts.push({
      key: 'imported_nodes',
      label: 'Imported nodes',
      value: importedNodes,
      shown: formatCount(importedNodes),
    });
  return facts;
}
