/**
 * The connectivity view's shareable options in the URL (see url-state.ts for the rest), so a
 * link reproduces a filtered partner table, not just the selection:
 *   cpanel  partners | matrix | graph       cop     OR | AND
 *   cmin    minimum synapses (≥ 1)          cconf   minimum confidence (1–5)
 *   cnodes  minimum partner nodes (≥ 1)     cq      partner filter text; cqt name | annotation
 * Defaults are omitted; garbled values fall back to them.
 */
export const CONNECTIVITY_PANELS = ['partners', 'matrix', 'graph'] as const;
export type ConnectivityPanel = (typeof CONNECTIVITY_PANELS)[number];

export interface ConnectivityUrlState {
  panel: ConnectivityPanel;
  minSynapses: number;
  minConfidence: number;
  op: 'OR' | 'AND';
  minPartnerNodes: number;
  text: string;
  textTarget: 'name' | 'annotation';
}

export const defaultConnectivityState: ConnectivityUrlState = {
  panel: 'partners',
  minSynapses: 1,
  minConfidence: 1,
  op: 'OR',
  minPartnerNodes: 1,
  text: '',
  textTarget: 'name',
};

function intIn(raw: string | null, lo: number, hi: number, fallback: number): number {
  if (raw === null || !/^\d{1,7}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= lo && n <= hi ? n : fallback;
}

export function parseConnectivityUrl(params: URLSearchParams): ConnectivityUrlState {
  const d = defaultConnectivityState;
  return {
    panel: CONNECTIVITY_PANELS.find((p) => p === params.get('cpanel')) ?? d.panel,
    minSynapses: intIn(params.get('cmin'), 1, 1_000_000, d.minSynapses),
    minConfidence: intIn(params.get('cconf'), 1, 5, d.minConfidence),
    op: params.get('cop') === 'AND' ? 'AND' : 'OR',
    minPartnerNodes: intIn(params.get('cnodes'), 1, 10_000_000, d.minPartnerNodes),
    text: (params.get('cq') ?? '').slice(0, 500),
    textTarget: params.get('cqt') === 'annotation' ? 'annotation' : 'name',
  };
}

export function writeConnectivityUrl(s: ConnectivityUrlState, params: URLSearchParams): void {
  const d = defaultConnectivityState;
  if (s.panel !== d.panel) params.set('cpanel', s.panel);
  if (s.minSynapses !== d.minSynapses) params.set('cmin', String(s.minSynapses));
  if (s.minConfidence !== d.minConfidence) params.set('cconf', String(s.minConfidence));
  if (s.op !== d.op) params.set('cop', s.op);
  if (s.minPartnerNodes !== d.minPartnerNodes) params.set('cnodes', String(s.minPartnerNodes));
  if (s.text) params.set('cq', s.text);
  if (s.textTarget !== d.textTarget) params.set('cqt', s.textTarget);
}
