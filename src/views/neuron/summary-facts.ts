/** The facts of the Neuron view's summary, as shown and as exported. */
import type { ArborSummary } from '../../analysis/neuron/neuron-summary.ts';
import { SOMA_MIN_RADIUS_NM } from '../../analysis/neuron/neuron-summary.ts';
import type { Fact } from '../../analysis/neuron/facts-csv.ts';
import type { SkeletonSummary } from '../../api/skeleton-summary.ts';
import { formatCount, formatMicrons, isoDateTime } from '../../lib/format.ts';

function somaRuleText(s: ArborSummary): string {
  if (!s.soma) return `none: no node tagged "soma" and no radius ≥ ${SOMA_MIN_RADIUS_NM} nm`;
  return s.soma.rule === 'tag'
    ? 'tagged "soma"'
    : `largest radius (${formatCount(s.soma.radius)} nm ≥ ${SOMA_MIN_RADIUS_NM} nm; no "soma" tag)`;
}

const count = (key: string, label: string, n: number): Fact => ({
  key,
  label,
  value: n,
  shown: formatCount(n),
});

export function summaryFacts(
  s: ArborSummary,
  server: SkeletonSummary | undefined,
  imported: number | undefined,
  userName: (id: number) => string,
): Fact[] {
  const facts: Fact[] = [
    count('nodes', 'Nodes', s.nodes),
    {
      key: 'cable_nm',
      label: 'Cable',
      value: Math.round(s.cable),
      shown: formatMicrons(s.cable, 1),
    },
    count('branch_points', 'Branch points', s.branchPoints),
    count('leaves', 'Leaves (end nodes)', s.leaves),
    { key: 'root_id', label: 'Root node', value: s.rootId, shown: String(s.rootId ?? '–') },
  ];
  if (s.pieces > 1) facts.push(count('pieces', 'Disconnected pieces', s.pieces));
  facts.push(
    {
      key: 'soma_id',
      label: 'Soma node',
      value: s.soma?.nodeId,
      shown: String(s.soma?.nodeId ?? 'none'),
    },
    { key: 'soma_rule', label: 'Soma rule', value: somaRuleText(s), shown: somaRuleText(s) },
    count('presynapses', 'Presynaptic sites', s.pre),
    count('postsynapses', 'Postsynaptic sites', s.post),
    count('connectors', 'Connectors', s.connectors),
  );
  if (imported !== undefined) facts.push(count('imported_nodes', 'Imported nodes', imported));
  if (server?.createdAt !== undefined)
    facts.push({
      key: 'created_utc',
      label: 'Created',
      value: isoDateTime(server.createdAt),
      shown: isoDateTime(server.createdAt),
    });
  if (server?.lastEditedAt !== undefined) {
    const by = server.lastEditorId === undefined ? '' : userName(server.lastEditorId);
    facts.push(
      {
        key: 'last_edited_utc',
        label: 'Last edited',
        value: isoDateTime(server.lastEditedAt),
        shown: `${isoDateTime(server.lastEditedAt)}${by ? ` by ${by}` : ''}`,
      },
      { key: 'last_editor', label: 'Last editor', value: by, shown: by },
    );
  }
  return facts;
}
