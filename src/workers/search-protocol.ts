/** Messages between the main thread and the search worker (search-worker.ts). */
import type { NeuronSearchParams } from '../api/neuron-search.ts';
import type { SearchRowColumns } from '../api/search-row-columns.ts';

export interface SearchPageRequest {
  type: 'page';
  requestId: number;
  baseUrl: string;
  timeoutMs: number;
  server: string;
  projectId: number;
  params: NeuronSearchParams;
}

export interface SearchCancel {
  type: 'cancel';
  requestId: number;
}

/** `ok: false` carries no error: the main thread asks again itself to get the typed error. */
export type SearchReply =
  { requestId: number; ok: true; columns: SearchRowColumns } | { requestId: number; ok: false };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function isSearchPageRequest(v: unknown): v is SearchPageRequest {
  return isRecord(v) && v.type === 'page' && typeof v.requestId === 'number';
}

export function isSearchCancel(v: unknown): v is SearchCancel {
  return isRecord(v) && v.type === 'cancel' && typeof v.requestId === 'number';
}
