import { describe, expect, it } from 'vitest';
import { defaultPartnerFilterOptions, partnerFilterFields } from './partner-filter-fields.ts';
import {
  choiceField,
  clampInt,
  fieldDefaults,
  intField,
  parseFields,
  textField,
  writeFields,
} from './url-fields.ts';

const fields = {
  n: intField('n', 3, 1, 500),
  mode: choiceField('m', ['fast', 'slow'] as const),
  q: textField('q', 5),
};
const parse = (q: string) => parseFields(fields, new URLSearchParams(q));

describe('URL fields declared once', () => {
  it('defaults come from the declaration', () => {
    expect(fieldDefaults(fields)).toEqual({ n: 3, mode: 'fast', q: '' });
    expect(defaultPartnerFilterOptions).toEqual({
      minSynapses: 1,
      minConfidence: 1,
      op: 'OR',
      minPartnerNodes: 1,
      text: '',
      textTarget: 'name',
    });
  });

  it('parses good values, falls back on garbled ones, never throws', () => {
    expect(parse('n=42&m=slow&q=abcdefgh')).toEqual({ n: 42, mode: 'slow', q: 'abcde' });
    for (const q of ['n=0', 'n=501', 'n=1e2', 'n=-3', 'n=%zz', 'm=SLOW', ''])
      expect(parse(q)).toEqual(fieldDefaults(fields));
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const params = new URLSearchParams();
    writeFields(fields, { n: 3, mode: 'slow', q: '' }, params);
    expect(params.toString()).toBe('m=slow');
    expect(parse(params.toString())).toEqual({ n: 3, mode: 'slow', q: '' });
  });

  it('typed input is clamped to the declared bounds', () => {
    expect(clampInt(partnerFilterFields.minConfidence, '9')).toBe(5);
    expect(clampInt(partnerFilterFields.minSynapses, '0')).toBe(1);
    expect(clampInt(partnerFilterFields.minSynapses, '')).toBe(1);
    expect(clampInt(partnerFilterFields.minSynapses, '7.8')).toBe(7);
  });
});
