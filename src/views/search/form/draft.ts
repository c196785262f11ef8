/**
 * The search form's editable draft and its validation. The draft holds raw text where the user
 * types free-form input (id lists, synapse counts); `draftToSearch` checks it and produces the
 * URL search state, or names every problem so nothing is submitted half-right.
 */
import {
  defaultSearchState,
  type AnnotationTerm,
  type SearchUrlState,
} from '../../../state/search-url.ts';
import type { RegionWhat } from '../../../state/search-region-url.ts';
import { parseNameQuery } from '../name-query.ts';

export interface SearchDraft {
  name: string;
  caseSensitive: boolean;
  exact: boolean;
  annotations: AnnotationTerm[];
  /** Login typed or picked in the annotator box. */
  annotator: string;
  dateFrom: string;
  dateTo: string;
  idsText: string;
  partnerDirection: '' | 'upstream' | 'downstream';
  partnerKind: 'neuron' | 'annotation';
  partnerValue: string;
  minSynapsesText: string;
  /** '' = no region criterion. */
  regionVolume: string;
  regionWhat: RegionWhat;
  regionMinText: string;
}

export function searchToDraft(
  s: SearchUrlState,
  loginOf: (id: number) => string | undefined,
): SearchDraft {
  const c = s.connectivity;
  return {
    name: s.name,
    caseSensitive: s.caseSensitive,
    exact: s.exact,
    annotations: s.annotations,
    annotator: s.annotatedBy.map((id) => loginOf(id) ?? String(id)).join(', '),
    dateFrom: s.dateFrom ?? '',
    dateTo: s.dateTo ?? '',
    idsText: s.skeletonIds.join(', '),
    partnerDirection: c?.direction ?? '',
    partnerKind: c?.source.kind ?? 'neuron',
    partnerValue: c
      ? c.source.kind === 'neuron'
        ? String(c.source.skeletonId)
        : c.source.name
      : '',
    minSynapsesText: String(c?.minSynapses ?? 1),
    regionVolume: s.region ? String(s.region.volumeId) : '',
    regionWhat: s.region?.what ?? 'nodes',
    regionMinText: String(s.region?.atLeast ?? 1),
  };
}

/** Splits a pasted list on commas, whitespace and line breaks. */
export function parseSkeletonIdList(text: string): { ids: number[]; invalid: string[] } {
  const ids: number[] = [];
  const invalid: string[] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    if (/^\d{1,16}$/.test(token) && Number.isSafeInteger(Number(token))) ids.push(Number(token));
    else invalid.push(token);
  }
  return { ids: [...new Set(ids)], invalid };
}

export function draftToSearch(
  d: SearchDraft,
  userIdOf: (login: string) => number | undefined,
): { search: SearchUrlState } | { problems: string[] } {
  const problems: string[] = [];
  const name = parseNameQuery(d.name, d.exact);
  if (name.kind === 'invalid') problems.push(name.message);

  const annotatedBy: number[] = [];
  for (const login of d.annotator
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const id = userIdOf(login) ?? (/^\d+$/.test(login) ? Number(login) : undefined);
    if (id === undefined) problems.push(`Unknown user: "${login}"`);
    else annotatedBy.push(id);
  }

  const { ids, invalid } = parseSkeletonIdList(d.idsText);
  if (invalid.length)
    problems.push(
      `Not skeleton IDs: ${invalid
        .slice(0, 5)
        .map((t) => `"${t}"`)
        .join(', ')}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ''}`,
    );

  let connectivity: SearchUrlState['connectivity'] = null;
  if (d.partnerDirection) {
    const min = Number(d.minSynapsesText);
    if (!/^\d+$/.test(d.minSynapsesText.trim()) || min < 1)
      problems.push('The minimum synapse count must be a whole number of at least 1.');
    const value = d.partnerValue.trim();
    if (!value)
      problems.push(
        `Name the ${d.partnerKind === 'neuron' ? 'neuron (skeleton ID)' : 'annotation'} to find partners of.`,
      );
    else if (d.partnerKind === 'neuron' && !/^\d{1,16}$/.test(value))
      problems.push(`"${value}" is not a skeleton ID.`);
    else {
      connectivity = {
        direction: d.partnerDirection,
        source:
          d.partnerKind === 'neuron'
            ? { kind: 'neuron', skeletonId: Number(value) }
            : { kind: 'annotation', name: value },
        minSynapses: Math.max(1, Math.floor(min)) || 1,
      };
    }
  }
  let region: SearchUrlState['region'] = null;
  if (d.regionVolume) {
    const k = Number(d.regionMinText);
    if (!/^\d+$/.test(d.regionMinText.trim()) || k < 1)
      problems.push('The minimum count in the volume must be a whole number of at least 1.');
    else region = { volumeId: Number(d.regionVolume), what: d.regionWhat, atLeast: k };
  }
  if (d.dateFrom && d.dateTo && d.dateFrom > d.dateTo)
    problems.push(`The annotation date range ends (${d.dateTo}) before it starts (${d.dateFrom}).`);
  if (problems.length) return { problems };
  return {
    search: {
      ...defaultSearchState,
      name: d.name.trim(),
      caseSensitive: d.caseSensitive,
      exact: d.exact,
      annotations: d.annotations.map((a) => ({ ...a, name: a.name.trim() })).filter((a) => a.name),
      annotatedBy,
      dateFrom: d.dateFrom || null,
      dateTo: d.dateTo || null,
      skeletonIds: ids,
      connectivity,
      region,
    },
  };
}
