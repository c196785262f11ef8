/**
 * The connectivity partner filters, declared once: their URL keys, defaults and bounds. The URL
 * state (state/connectivity-url.ts), the filter controls and the partner-table analysis all
 * follow from this record; see analysis/partner-table.ts for what each filter does.
 */
import { choiceField, fieldDefaults, intField, textField, type FieldValues } from './url-fields.ts';

export const partnerFilterFields = {
  /** Synapses per source a partner needs (OR: with one source; AND: with every source). */
  minSynapses: intField('cmin', 1, 1, 1_000_000),
  /** CATMAID's synapse confidence, 1–5. */
  minConfidence: intField('cconf', 1, 1, 5),
  op: choiceField('cop', ['OR', 'AND'] as const),
  /** Partner size in nodes (2 hides single-node stubs). */
  minPartnerNodes: intField('cnodes', 1, 1, 9_999_999),
  text: textField('cq', 500),
  textTarget: choiceField('cqt', ['name', 'annotation'] as const),
};

export type PartnerFilterOptions = FieldValues<typeof partnerFilterFields>;
export type TextFilterTarget = PartnerFilterOptions['textTarget'];

export const defaultPartnerFilterOptions: PartnerFilterOptions = fieldDefaults(partnerFilterFields);
