/**
 * The search's region criterion in the URL (part of search-url.ts): "has <what> in volume V,
 * at least k".
 *   inv  volume id       inw  nodes | synapses | pre | post (default nodes)
 *   ink  at least k (≥ 1, default 1)
 * No `inv` (or a garbled one): no region criterion.
 */
const WHATS = ['nodes', 'synapses', 'pre', 'post'] as const;
export type RegionWhat = (typeof WHATS)[number];

export interface RegionTerm {
  volumeId: number;
  what: RegionWhat;
  atLeast: number;
}

export function parseRegionTerm(params: URLSearchParams): RegionTerm | null {
  const v = params.get('inv');
  if (v === null || !/^\d{1,15}$/.test(v)) return null;
  const k = params.get('ink');
  const atLeast = k !== null && /^\d{1,9}$/.test(k) && Number(k) >= 1 ? Number(k) : 1;
  const what = WHATS.find((w) => w === params.get('inw')) ?? 'nodes';
  return { volumeId: Number(v), what, atLeast };
}

export function writeRegionTerm(t: RegionTerm | null, params: URLSearchParams): void {
  if (!t) return;
  params.set('inv', String(t.volumeId));
  if (t.what !== 'nodes') params.set('inw', t.what);
  if (t.atLeast > 1) params.set('ink', String(t.atLeast));
}
