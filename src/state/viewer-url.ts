/**
 * The 3D view's display options in the URL (the camera has its own key, see camera-url.ts), so
 * they survive a tab switch and a shared link reproduces the figure:
 *
 *   vcol   colour mode id (checked against the 3D colour-mode registry by the view)
 *   vlay   layers shown, a comma list of pre, post, soma, scale, axes ("-" = none)
 *   vbg    black (white is the default)
 *   vproj  o = orthographic, p = perspective (absent: the camera key's projection, else p)
 *   vvol   volumes: <id>:<rrggbb>:<opacity %>, comma separated; a leading "!" = configured but
 *          hidden, e.g. vvol=12:8fa8c8:20,!15:c8a88f:50
 *   vlod   skeleton detail: full | lod (absent: auto, decimated above a node count)
 *   vmk    highlighted-synapse marker size in px (4–40)
 *
 * Defaults are omitted. A garbled value falls back to its default (a garbled volume entry is
 * dropped); parsing never throws.
 */
const VIEWER_LAYERS = ['pre', 'post', 'soma', 'scale', 'axes'] as const;
type ViewerLayer = (typeof VIEWER_LAYERS)[number];

export interface ViewerVolumeUrl {
  id: number;
  shown: boolean;
  /** #rrggbb, lowercase. */
  color: string;
  /** 0.05–1 */
  opacity: number;
}

export interface ViewerUrlState {
  /** Unchecked here (src/state does not know the 3D registry); the view validates it. */
  colourMode: string;
  layers: Record<ViewerLayer, boolean>;
  background: 'white' | 'black';
  projection: 'perspective' | 'orthographic' | null;
  volumes: ViewerVolumeUrl[];
  detail: 'auto' | 'full' | 'lod' | 'coarse';
  markerSize: number;
}

export const MARKER_SIZE_RANGE = [4, 40] as const;

export const defaultViewerState: ViewerUrlState = {
  colourMode: 'selection',
  layers: { pre: true, post: true, soma: true, scale: true, axes: true },
  background: 'white',
  projection: null,
  volumes: [],
  detail: 'auto',
  markerSize: 14,
};

const MAX_VOLUMES = 200;

function parseLayers(raw: string | null): Record<ViewerLayer, boolean> {
  if (raw === null || raw.length > 100) return defaultViewerState.layers;
  const parts = new Set(raw.split(','));
  const known = [...parts].filter((p) => (VIEWER_LAYERS as readonly string[]).includes(p));
  // Nothing recognisable (and not the explicit "-"): garbled, keep the defaults.
  if (known.length === 0 && raw !== '-') return defaultViewerState.layers;
  return Object.fromEntries(VIEWER_LAYERS.map((l) => [l, parts.has(l)])) as Record<
    ViewerLayer,
    boolean
  >;
}

function parseVolumes(raw: string | null): ViewerVolumeUrl[] {
  if (raw === null || raw.length > 20 * MAX_VOLUMES) return [];
  const seen = new Set<number>();
  const out: ViewerVolumeUrl[] = [];
  for (const part of raw.split(',').slice(0, MAX_VOLUMES)) {
    const m = /^(!?)(\d{1,12}):([0-9a-f]{6}):(\d{1,3})$/i.exec(part.trim());
    if (!m) continue;
    const id = Number(m[2]);
    const opacity = Number(m[4]) / 100;
    if (seen.has(id) || opacity < 0.05 || opacity > 1) continue;
    seen.add(id);
    out.push({ id, shown: m[1] !== '!', color: `#${(m[3] ?? '').toLowerCase()}`, opacity });
  }
  return out;
}

function parseMarkerSize(raw: string | null): number {
  if (raw === null || !/^\d{1,3}$/.test(raw)) return defaultViewerState.markerSize;
  const n = Number(raw);
  return n >= MARKER_SIZE_RANGE[0] && n <= MARKER_SIZE_RANGE[1] ? n : defaultViewerState.markerSize;
}

export function parseViewerUrl(params: URLSearchParams): ViewerUrlState {
  const d = defaultViewerState;
  const col = params.get('vcol');
  const proj = params.get('vproj');
  const lod = params.get('vlod');
  return {
    colourMode: col !== null && /^[a-z][a-z0-9-]{0,31}$/.test(col) ? col : d.colourMode,
    layers: parseLayers(params.get('vlay')),
    background: params.get('vbg') === 'black' ? 'black' : 'white',
    projection: proj === 'o' ? 'orthographic' : proj === 'p' ? 'perspective' : null,
    volumes: parseVolumes(params.get('vvol')),
    detail: lod === 'full' || lod === 'lod' || lod === 'coarse' ? lod : 'auto',
    markerSize: parseMarkerSize(params.get('vmk')),
  };
}

export function writeViewerUrl(s: ViewerUrlState, params: URLSearchParams): void {
  const d = defaultViewerState;
  if (s.colourMode !== d.colourMode) params.set('vcol', s.colourMode);
  if (VIEWER_LAYERS.some((l) => s.layers[l] !== d.layers[l])) {
    params.set('vlay', VIEWER_LAYERS.filter((l) => s.layers[l]).join(',') || '-');
  }
  if (s.background !== d.background) params.set('vbg', s.background);
  if (s.projection) params.set('vproj', s.projection === 'orthographic' ? 'o' : 'p');
  if (s.volumes.length > 0) {
    const vol = s.volumes.map(
      (v) =>
        `${v.shown ? '' : '!'}${v.id}:${v.color.replace('#', '')}:${Math.round(v.opacity * 100)}`,
    );
    params.set('vvol', vol.join(','));
  }
  if (s.detail !== d.detail) params.set('vlod', s.detail);
  if (s.markerSize !== d.markerSize) params.set('vmk', String(Math.round(s.markerSize)));
}
