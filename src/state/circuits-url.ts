/**
 * The Circuits view's shareable options in the URL (see url-state.ts for the rest), so a link
 * reproduces each query, not just the selection. Neuron sets are written as `sel` (the whole
 * selection), `ids:1,2,3` (chosen neurons) or `ann:<annotation>` (everything annotated with it,
 * sub-annotations included); see neuron-set.ts. Keys (defaults omitted, garbled → default):
 *   kpanel  paths | hood | groups | matrix | fractions
 *   klt     link type (`synaptic`, `gapjunction`, …)
 *   kmeta   grouping meta-annotation (default "cell type")
 *   kconf   minimum synapse confidence 1–5
 *   kpa kpb kph kpm      paths: set A, set B, max hops, min synapses per hop
 *   khs khd khn kht      neighbourhood: seeds, direction, hops, thresholds per hop ("3,2")
 *   kgs kgm              grouped partners: sources, min synapses per partner
 *   kmr kmc kmg kma kmv kmo   matrix: rows, columns, grouping, aggregate, value, order
 *   kfs kfd kfm          fractions: neurons, direction, min synapses per group
 */
import {
  choiceField,
  fieldDefaults,
  intField,
  parseFields,
  textField,
  writeFields,
  type FieldValues,
  type TextField,
} from '../lib/url-fields.ts';

const CIRCUIT_PANELS = ['paths', 'hood', 'groups', 'matrix', 'fractions'] as const;
const setField = (key: string, def = 'sel'): TextField => ({
  ...textField(key, 4000),
  default: def,
});

export const circuitsFields = {
  panel: choiceField('kpanel', CIRCUIT_PANELS),
  linkType: { ...textField('klt', 40), default: 'synaptic' },
  meta: { ...textField('kmeta', 200), default: 'cell type' },
  minConfidence: intField('kconf', 1, 1, 5),
  pathsA: setField('kpa'),
  pathsB: setField('kpb'),
  pathHops: intField('kph', 3, 1, 6),
  pathMin: intField('kpm', 2, 1, 100_000),
  hoodSeeds: setField('khs'),
  hoodDirection: choiceField('khd', ['downstream', 'upstream'] as const),
  hoodHops: intField('khn', 2, 1, 5),
  hoodThresholds: textField('kht', 100),
  groupSources: setField('kgs'),
  groupMin: intField('kgm', 1, 1, 100_000),
  matrixRows: setField('kmr'),
  matrixCols: setField('kmc'),
  matrixGroup: choiceField('kmg', ['none', 'both', 'rows', 'columns'] as const),
  matrixAggregate: choiceField('kma', ['sum', 'mean', 'max'] as const),
  matrixValue: choiceField('kmv', ['raw', 'fraction'] as const),
  matrixOrder: choiceField('kmo', ['name', 'group', 'cluster'] as const),
  fractionNeurons: setField('kfs'),
  fractionDirection: choiceField('kfd', ['inputs', 'outputs'] as const),
  fractionMin: intField('kfm', 3, 1, 100_000),
};

export type CircuitsUrlState = FieldValues<typeof circuitsFields>;
export type CircuitsPanel = CircuitsUrlState['panel'];

export const defaultCircuitsState: CircuitsUrlState = fieldDefaults(circuitsFields);

export function parseCircuitsUrl(params: URLSearchParams): CircuitsUrlState {
  return parseFields(circuitsFields, params);
}

export function writeCircuitsUrl(s: CircuitsUrlState, params: URLSearchParams): void {
  writeFields(circuitsFields, s, params);
}

/** Per-hop thresholds from "3, 2": missing or garbled hops take the last given (or 1). */
export function hopThresholds(text: string, hops: number): number[] {
  const given = text
    .split(',')
    .map((t) => Math.floor(Number(t.trim())))
    .filter((n) => Number.isFinite(n) && n >= 1);
  return Array.from({ length: hops }, (_, i) => given[i] ?? given[given.length - 1] ?? 1);
}
