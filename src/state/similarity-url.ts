/**
 * The Similarity view's shareable options in the URL (see url-state.ts for the rest):
 *   spanel  connectivity | nblast                     (default connectivity)
 *   smet    matching_index | cosine                   connectivity metric
 *   sdir    both | upstream | downstream              which partners count
 *   smin    synapse threshold per partner, 1–100      (default 1)
 *   sk      clusters to cut the dendrogram into, 1–50 (default 2)
 *   snb     forward | reverse | mean                  NBLAST score shown (default mean)
 *   smir    on | off                                  NBLAST also against mirror images
 * Defaults are omitted; garbled values fall back to them.
 */
import {
  choiceField,
  fieldDefaults,
  intField,
  parseFields,
  writeFields,
  type FieldValues,
} from '../lib/url-fields.ts';

const similarityFields = {
  panel: choiceField('spanel', ['connectivity', 'nblast'] as const),
  metric: choiceField('smet', ['matching_index', 'cosine'] as const),
  direction: choiceField('sdir', ['both', 'upstream', 'downstream'] as const),
  threshold: intField('smin', 1, 1, 100),
  clusters: intField('sk', 2, 1, 50),
  nblastScore: choiceField('snb', ['mean', 'forward', 'reverse'] as const),
  mirror: choiceField('smir', ['on', 'off'] as const),
};

export type SimilarityUrlState = FieldValues<typeof similarityFields>;

export const defaultSimilarityState: SimilarityUrlState = fieldDefaults(similarityFields);

export function parseSimilarityUrl(params: URLSearchParams): SimilarityUrlState {
  return parseFields(similarityFields, params);
}

export function writeSimilarityUrl(s: SimilarityUrlState, params: URLSearchParams): void {
  writeFields(similarityFields, s, params);
}
