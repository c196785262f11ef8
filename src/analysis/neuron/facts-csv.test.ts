import { describe, expect, it } from 'vitest';
import { factsCsv } from './facts-csv.ts';

describe('factsCsv', () => {
  it('writes one key,value line per fact and quotes what needs it', () => {
    expect(
      factsCsv([
        { key: 'nodes', label: 'Nodes', value: 12, shown: '12' },
        { key: 'soma_rule', label: 'Soma', value: 'tag "soma", largest', shown: '' },
      ]),
    ).toBe('fact,value\r\nnodes,12\r\nsoma_rule,"tag ""soma"", largest"\r\n');
  });
});
