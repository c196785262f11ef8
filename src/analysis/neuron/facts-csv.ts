/** A section's facts (label, value, unit) as a two-column CSV: `fact,value`. */
import { toCsv, type CsvValue } from '../../lib/csv.ts';

export interface Fact {
  /** CSV key, snake_case. */
  key: string;
  label: string;
  /** What the CSV holds (raw number, ISO time, id). */
  value: CsvValue;
  /** What the page shows. */
  shown: string;
}

export function factsCsv(facts: readonly Fact[]): string {
  return toCsv([['fact', 'value'], ...facts.map((f) => [f.key, f.value])]);
}
