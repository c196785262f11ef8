/**
 * The demo server's raw answers for the Neuron view's e2e test, and what each section must show
 * computed from them independently of the app's code: node counts as of a day (history rows
 * valid over [t_a, t_b); a live row counts from its creation), review percentages, tag counts.
 */
import type { APIRequestContext } from '@playwright/test';

const API = '/api/catmaid/1';

type HistoryRow = [
  number,
  number | null,
  number,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
  number,
];
type Detail = [
  HistoryRow[],
  unknown[][],
  Record<string, [number, string][]>,
  [number, number, number, string][],
  unknown[],
];

export interface RawNeuron {
  skeletonId: number;
  name: string;
  history: Detail;
  summary: {
    num_nodes: number;
    cable_length: number;
    last_editor_id: number;
    original_creation_time: string;
    num_imported_nodes: number;
  };
  reviewStatus: [number, number];
  changeHistory: [number[], number, number, number][];
  annotations: string[];
  root: { root_id: number };
}

const time = (s: string) => Date.parse(s.replace(' ', 'T'));

export async function skeletonIds(request: APIRequestContext): Promise<number[]> {
  return (await (await request.get(`${API}/skeletons/`)).json()) as number[];
}

export async function rawNeuron(request: APIRequestContext, skid: number): Promise<RawNeuron> {
  const form = { 'skeleton_ids[0]': String(skid) };
  const get = async <T>(path: string, params?: Record<string, string>) =>
    (await (await request.get(`${API}${path}`, { params })).json()) as T;
  const post = async <T>(path: string, f: Record<string, string>) =>
    (await (await request.post(`${API}${path}`, { form: f })).json()) as T;
  const names = await post<Record<string, string>>('/skeleton/neuronnames', {
    'skids[0]': String(skid),
  });
  const ann = await post<{
    skeletons: Record<string, { id: number }[]>;
    annotations: Record<string, string>;
  }>('/annotations/forskeletons', form);
  return {
    skeletonId: skid,
    name: names[String(skid)] ?? '',
    history: await get<Detail>(`/skeletons/${skid}/compact-detail`, {
      with_history: 'true',
      with_tags: 'true',
      with_reviews: 'true',
      with_connectors: 'true',
    }),
    summary: (await post<Record<string, RawNeuron['summary']>>('/skeletons/summary', form))[
      String(skid)
    ] ?? {
      num_nodes: -1,
      cable_length: -1,
      last_editor_id: -1,
      original_creation_time: '',
      num_imported_nodes: -1,
    },
    reviewStatus: (await post<Record<string, [number, number]>>('/skeletons/review-status', form))[
      String(skid)
    ] ?? [0, 0],
    changeHistory: await get<RawNeuron['changeHistory']>('/skeletons/change-history', form),
    annotations: (ann.skeletons[String(skid)] ?? []).map(
      (a) => ann.annotations[String(a.id)] ?? '',
    ),
    root: await get<{ root_id: number }>(`/skeletons/${skid}/root`),
  };
}

/** Node ids that existed at the end of `day` (UTC). */
export function nodesAsOf(raw: RawNeuron, day: string): Set<number> {
  const t = Date.parse(`${day}T23:59:59.999Z`);
  const out = new Set<number>();
  for (const r of raw.history[0]) {
    const [id, , , , , , , , ta, tb, ordering] = r;
    if (ordering === 2 && time(ta) <= t && t < time(tb)) out.add(id);
    if (ordering === 1 && Math.min(time(tb), time(ta)) <= t) out.add(id);
  }
  return out;
}

export const liveNodes = (raw: RawNeuron) => raw.history[0].filter((r) => r[10] === 1);

/** Days (UTC) on which the node count differs from the day after, because a node was deleted. */
export function deletionDays(raw: RawNeuron): string[] {
  const live = new Set(liveNodes(raw).map((r) => r[0]));
  const gone = raw.history[0].filter((r) => r[10] === 2 && !live.has(r[0]));
  return [...new Set(gone.map((r) => r[8].slice(0, 10)))].sort();
}

export function tagCounts(raw: RawNeuron): Map<string, number> {
  const live = new Set(liveNodes(raw).map((r) => r[0]));
  return new Map(
    Object.entries(raw.history[2]).map(([tag, uses]) => [
      tag,
      new Set(uses.map((u) => u[0]).filter((id) => live.has(id))).size,
    ]),
  );
}

/** A neuron with reviews, end tags, a deleted twig and a merge: every section has something. */
export async function richNeuron(request: APIRequestContext): Promise<RawNeuron> {
  for (const skid of await skeletonIds(request)) {
    const raw = await rawNeuron(request, skid);
    if (
      raw.reviewStatus[1] > 0 &&
      deletionDays(raw).length > 0 &&
      (raw.history[2].ends?.length ?? 0) > 0 &&
      raw.changeHistory.length > 1
    )
      return raw;
  }
  throw new Error('the demo data has no neuron with reviews, end tags, a deletion and a merge');
}
