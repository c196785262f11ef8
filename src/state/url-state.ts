/**
 * The shareable part of the dashboard state, kept in the page URL: small keys in the query
 * string, the selection (which can be large) in the fragment, which never reaches the server.
 * Each part has its own module that documents its keys; anything missing or garbled falls back
 * to a safe default and never throws. To add a part: a module with parse/write functions over
 * URLSearchParams, one field in UrlState, one line in each function below.
 *
 *   view   search | 3d | connectivity | circuits | similarity | regions | stats | neuron
 *          (default search)
 *   pid    CATMAID project id, integer               (default: server default / first project)
 *   …      search keys: see search-url.ts
 *   #selz, #selby  the selection (older links: ?sel, ?selby): see selection-url.ts
 *   cam    the 3D camera (optional; absent = frame the neurons): see camera-url.ts
 *   c…     connectivity view panel and partner filters: see connectivity-url.ts
 *   v…     3D view display options (colour mode, layers, volumes, …): see viewer-url.ts
 *   skid, nasof  the Neuron view's skeleton and "as of" date: see neuron-url.ts
 *   r…     regions view (volumes, panel, heatmap measure): see regions-url.ts
 *   k…     circuits view queries (paths, neighbourhoods, grouped wiring): see circuits-url.ts
 *   s…     similarity view panel, metric, clusters: see similarity-url.ts
 */
import {
  CAMERA_URL_KEY,
  parseCameraUrl,
  serializeCameraUrl,
  type CameraUrlState,
} from './camera-url.ts';
import {
  defaultSearchState,
  parseSearchUrl,
  writeSearchUrl,
  type SearchUrlState,
} from './search-url.ts';
import { parseSelectionUrl, writeSelectionUrl, type SelectionUrlState } from './selection-url.ts';
import {
  defaultConnectivityState,
  parseConnectivityUrl,
  writeConnectivityUrl,
  type ConnectivityUrlState,
} from './connectivity-url.ts';
import {
  defaultViewerState,
  parseViewerUrl,
  writeViewerUrl,
  type ViewerUrlState,
} from './viewer-url.ts';
import {
  defaultNeuronState,
  parseNeuronUrl,
  writeNeuronUrl,
  type NeuronUrlState,
} from './neuron-url.ts';

import {
  defaultRegionsState,
  parseRegionsUrl,
  writeRegionsUrl,
  type RegionsUrlState,
} from './regions-url.ts';
import {
  defaultCircuitsState,
  parseCircuitsUrl,
  writeCircuitsUrl,
  type CircuitsUrlState,
} from './circuits-url.ts';

import {
  defaultSimilarityState,
  parseSimilarityUrl,
  writeSimilarityUrl,
  type SimilarityUrlState,
} from './similarity-url.ts';

const VIEWS = [
  'search',
  '3d',
  'connectivity',
  'circuits',
  'similarity',
  'regions',
  'stats',
  'neuron',
] as const;
export type ViewName = (typeof VIEWS)[number];

export interface UrlState {
  view: ViewName;
  projectId: number | null;
  search: SearchUrlState;
  /** null: the URL says nothing about the selection. */
  selection: SelectionUrlState | null;
  /** 3D view camera; absent when the URL has none (or a garbled one). */
  camera?: CameraUrlState;
  connectivity: ConnectivityUrlState;
  viewer: ViewerUrlState;
  neuron: NeuronUrlState;
  regions: RegionsUrlState;
  circuits: CircuitsUrlState;
  similarity: SimilarityUrlState;
}

export const defaultUrlState: UrlState = {
  view: 'search',
  projectId: null,
  search: defaultSearchState,
  selection: null,
  connectivity: defaultConnectivityState,
  viewer: defaultViewerState,
  neuron: defaultNeuronState,
  regions: defaultRegionsState,
  circuits: defaultCircuitsState,
  similarity: defaultSimilarityState,
};

function parseView(raw: string | null): ViewName {
  return VIEWS.find((v) => v === raw) ?? 'search';
}

/** CATMAID project ids are integers; some installs have a project -1. */
function parseProjectId(raw: string | null): number | null {
  if (raw === null || !/^-?\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

function paramsOf(text: string): URLSearchParams {
  try {
    return new URLSearchParams(text);
  } catch {
    return new URLSearchParams();
  }
}

/** `href`: the URL's `?query#fragment` part (either may be missing). */
export function parseUrlState(href: string): UrlState {
  const hashAt = href.indexOf('#');
  const params = paramsOf(hashAt >= 0 ? href.slice(0, hashAt) : href);
  const fragment = paramsOf(hashAt >= 0 ? href.slice(hashAt + 1) : '');
  const camera = parseCameraUrl(params.get(CAMERA_URL_KEY));
  return {
    ...(camera ? { camera } : {}),
    view: parseView(params.get('view')),
    projectId: parseProjectId(params.get('pid')),
    search: parseSearchUrl(params),
    selection: parseSelectionUrl(params, fragment),
    connectivity: parseConnectivityUrl(params),
    viewer: parseViewerUrl(params),
    neuron: parseNeuronUrl(params),
    regions: parseRegionsUrl(params),
    circuits: parseCircuitsUrl(params),
    similarity: parseSimilarityUrl(params),
  };
}

/** The URL's `?query#fragment` part for `state` ('' when everything is default). */
export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  const fragment = new URLSearchParams();
  if (state.view !== 'search') params.set('view', state.view);
  if (state.projectId !== null) params.set('pid', String(state.projectId));
  writeSearchUrl(state.search, params);
  writeConnectivityUrl(state.connectivity, params);
  writeViewerUrl(state.viewer, params);
  writeNeuronUrl(state.neuron, params);
  writeRegionsUrl(state.regions, params);
  writeCircuitsUrl(state.circuits, params);
  writeSimilarityUrl(state.similarity, params);
  if (state.camera) params.set(CAMERA_URL_KEY, serializeCameraUrl(state.camera));
  writeSelectionUrl(state.selection, fragment);
  const query = params.toString();
  const hash = fragment.toString();
  return `${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}
