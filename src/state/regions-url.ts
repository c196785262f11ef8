/**
 * The Regions view's shareable options in the URL (see url-state.ts for the rest):
 *   rvol     chosen volume ids, comma-separated, in the order chosen (at most 64)
 *   rpanel   innervation | connectivity | 3d | search | bbox
 *   rmeasure cable | nodes | pre | post  (what the heatmap shows)
 * Defaults are omitted; garbled values fall back to them, a garbled id list to none.
 */
import {
  choiceField,
  fieldDefaults,
  parseFields,
  writeFields,
  type FieldValues,
} from '../lib/url-fields.ts';

const REGION_PANELS = ['innervation', 'connectivity', '3d', 'search', 'bbox'] as const;
const REGION_MEASURES = ['cable', 'nodes', 'pre', 'post'] as const;
export type RegionPanel = (typeof REGION_PANELS)[number];
export type RegionMeasure = (typeof REGION_MEASURES)[number];

const regionFields = {
  panel: choiceField('rpanel', REGION_PANELS),
  measure: choiceField('rmeasure', REGION_MEASURES),
};

export type RegionsUrlState = FieldValues<typeof regionFields> & { volumeIds: number[] };

export const defaultRegionsState: RegionsUrlState = {
  ...fieldDefaults(regionFields),
  volumeIds: [],
};

const MAX_VOLUMES = 64;

function parseIds(raw: string | null): number[] {
  if (raw === null || !/^\d{1,15}(,\d{1,15})*$/.test(raw)) return [];
  return [...new Set(raw.split(',').map(Number))].slice(0, MAX_VOLUMES);
}

export function parseRegionsUrl(params: URLSearchParams): RegionsUrlState {
  return { ...parseFields(regionFields, params), volumeIds: parseIds(params.get('rvol')) };
}

export function writeRegionsUrl(s: RegionsUrlState, params: URLSearchParams): void {
  writeFields(regionFields, { panel: s.panel, measure: s.measure }, params);
  if (s.volumeIds.length > 0) params.set('rvol', s.volumeIds.join(','));
}
