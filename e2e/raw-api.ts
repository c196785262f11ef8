/**
 * Raw answers of the demo server (project 1, through the dashboard's proxy), read by the e2e
 * specs to compute what the app should show independently of the app's own code.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures.ts';

/** POST a form to `/{pid}/{path}` and return the JSON answer. */
export async function catmaidPost<T>(
  request: APIRequestContext,
  path: string,
  form: Record<string, string>,
): Promise<T> {
  const res = await request.post(`/api/catmaid/1/${path}`, { form });
  expect(res.ok()).toBe(true);
  return (await res.json()) as T;
}

/** The skeleton of the neuron with exactly this name. */
export async function skeletonIdOf(request: APIRequestContext, name: string): Promise<number> {
  const r = await catmaidPost<{ entities: { skeleton_ids: number[] }[] }>(
    request,
    'annotations/query-targets',
    { name, name_exact: 'true', 'types[0]': 'neuron' },
  );
  const id = r.entities[0]?.skeleton_ids[0];
  if (id === undefined) throw new Error(`no skeleton named ${name}`);
  return id;
}
