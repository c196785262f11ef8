/**
 * The Neuron view's keys in the URL (see url-state.ts for the rest):
 *   skid   the skeleton the page is about (kept as typed, so the view can say "garbled"
 *          instead of silently showing another neuron)
 *   nasof  "as of" date of the history slider, YYYY-MM-DD (absent = now)
 * Garbled values are kept as text (skid) or dropped (nasof); parsing never throws.
 */
import {
  fieldDefaults,
  parseFields,
  textField,
  writeFields,
  type FieldValues,
} from '../lib/url-fields.ts';

const neuronFields = {
  skid: textField('skid', 40),
  asOf: textField('nasof', 10),
};

export type NeuronUrlState = FieldValues<typeof neuronFields>;

export const defaultNeuronState: NeuronUrlState = fieldDefaults(neuronFields);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseNeuronUrl(params: URLSearchParams): NeuronUrlState {
  const s = parseFields(neuronFields, params);
  return { ...s, asOf: ISO_DAY.test(s.asOf) ? s.asOf : '' };
}

export function writeNeuronUrl(s: NeuronUrlState, params: URLSearchParams): void {
  writeFields(neuronFields, s, params);
}

/** The skeleton id in `skid`, or why there is none. */
export type NeuronTarget =
  { kind: 'ok'; skeletonId: number } | { kind: 'missing' } | { kind: 'garbled'; text: string };

export function neuronTarget(skid: string): NeuronTarget {
  const text = skid.trim();
  if (text === '') return { kind: 'missing' };
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0) return { kind: 'garbled', text };
  return { kind: 'ok', skeletonId: Number(text) };
}
