/**
 * The neuron page's URL state and href for one skeleton. The href holds only the project and the
 * skeleton (see NeuronPageLink.tsx). It is built from one serialised template per project: a
 * fast scroll through the search results mounts some 20 links per frame, and serialising a whole
 * URL state for each took about a millisecond apiece.
 */
import { defaultUrlState, serializeUrlState, type UrlState } from '../../state/url-state.ts';

/** The URL state of the neuron page for one skeleton, keeping project and selection. */
export function neuronPageState(state: UrlState, skeletonId: number): UrlState {
  return { ...state, view: 'neuron', neuron: { skid: String(skeletonId), asOf: '' } };
}

/** Letters only: written into a URL as they are, and found in no other field of the template. */
const PLACEHOLDER = 'SKELETONPLACEHOLDER';
const templates = new Map<UrlState['projectId'], string>();

export function neuronPageHref(projectId: UrlState['projectId'], skeletonId: number): string {
  let template = templates.get(projectId);
  if (template === undefined) {
    const state: UrlState = {
      ...defaultUrlState,
      projectId,
      view: 'neuron',
      neuron: { skid: PLACEHOLDER, asOf: '' },
    };
    template = serializeUrlState(state);
    templates.set(projectId, template);
  }
  return template.replace(PLACEHOLDER, String(skeletonId));
}
