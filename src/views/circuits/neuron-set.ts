/**
 * A neuron set of a circuit query, as written in the URL: `sel` (the whole selection),
 * `ids:1,2,3` (chosen skeletons) or `ann:<name>` (every neuron annotated with it, following
 * sub-annotations, as CATMAID's "annotated with" search does). Parsing never throws.
 */
export type NeuronSetSpec =
  { kind: 'selection' } | { kind: 'ids'; ids: number[] } | { kind: 'annotation'; name: string };

export function parseNeuronSet(text: string): NeuronSetSpec {
  if (text.startsWith('ann:')) {
    const name = text.slice(4).trim();
    return name ? { kind: 'annotation', name } : { kind: 'selection' };
  }
  if (text.startsWith('ids:')) {
    const ids = text
      .slice(4)
      .split(',')
      .map((t) => t.trim())
      .filter((t) => /^\d{1,15}$/.test(t))
      .map(Number);
    return { kind: 'ids', ids: [...new Set(ids)] };
  }
  return { kind: 'selection' };
}

export function writeNeuronSet(spec: NeuronSetSpec): string {
  switch (spec.kind) {
    case 'selection':
      return 'sel';
    case 'ids':
      return `ids:${spec.ids.join(',')}`;
    case 'annotation':
      return `ann:${spec.name}`;
  }
}

export function describeNeuronSet(spec: NeuronSetSpec, count: number | null): string {
  const n = count === null ? '' : ` (${count})`;
  switch (spec.kind) {
    case 'selection':
      return `the selection${n}`;
    case 'ids':
      return `${spec.ids.length} chosen neuron${spec.ids.length === 1 ? '' : 's'}`;
    case 'annotation':
      return `annotated “${spec.name}”${n}`;
  }
}
