/**
 * The connectivity view's shareable options in the URL (see url-state.ts for the rest), so a
 * link reproduces a filtered partner table, not just the selection:
 *   cpanel  partners | matrix | graph | compartments
 *   ccomp   all | dendrite | axon | linker | primary-neurite: partners (and matrix cells) only
 *           through that compartment of the sources (their axon/dendrite split)
 * and the partner filters declared in lib/partner-filter-fields.ts (cmin, cconf, cop, cnodes,
 * cq, cqt). Defaults are omitted; garbled values fall back to them.
 */
import { partnerFilterFields } from '../lib/partner-filter-fields.ts';
import {
  choiceField,
  fieldDefaults,
  parseFields,
  writeFields,
  type FieldValues,
} from '../lib/url-fields.ts';

const CONNECTIVITY_PANELS = ['partners', 'matrix', 'graph', 'compartments'] as const;
export const SOURCE_COMPARTMENTS = [
  'all',
  'dendrite',
  'axon',
  'linker',
  'primary-neurite',
] as const;

const connectivityFields = {
  panel: choiceField('cpanel', CONNECTIVITY_PANELS),
  compartment: choiceField('ccomp', SOURCE_COMPARTMENTS),
  ...partnerFilterFields,
};

export type ConnectivityUrlState = FieldValues<typeof connectivityFields>;

export const defaultConnectivityState: ConnectivityUrlState = fieldDefaults(connectivityFields);

export function parseConnectivityUrl(params: URLSearchParams): ConnectivityUrlState {
  return parseFields(connectivityFields, params);
}

export function writeConnectivityUrl(s: ConnectivityUrlState, params: URLSearchParams): void {
  writeFields(connectivityFields, s, params);
}
