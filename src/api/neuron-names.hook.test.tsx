/**
 * Hook-level example of the MSW setup: views load names through `useQuery(neuronNamesQuery(…))`
 * against handlers built from the route list and answered by the demo server's data.
 */
import { useQuery } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CATMAID_TEST_BASE, calls, demoStore } from '../../test-support/msw/handlers.ts';
import { server, setupCatmaidServer } from '../../test-support/msw/server.ts';
import { queryWrapper, testQueryClient, testScope } from '../../test-support/msw/scope.ts';
import { neuronNames, neuronNamesQuery } from './neuron-names.ts';

setupCatmaidServer();

function project1() {
  const p = demoStore().projects.get(1);
  if (!p) throw new Error('demo data lacks project 1');
  return p;
}
const nameOf = (skid: number) => {
  const p = project1();
  const s = p.skelById.get(skid);
  return s === undefined ? undefined : p.neuron(s).name;
};
const namesCalls = () => calls.filter((c) => c.path === '/1/skeleton/neuronnames');

describe('neuron names in views', () => {
  it('two views with overlapping sets get their own names from one batched request', async () => {
    const skids = [...project1().skelById.keys()].slice(0, 6);
    const scope = testScope();
    const client = testQueryClient();
    const { result } = renderHook(
      () => ({
        partners: useQuery(neuronNamesQuery(scope, skids.slice(0, 4))),
        selection: useQuery(neuronNamesQuery(scope, skids.slice(2))),
      }),
      { wrapper: queryWrapper(client) },
    );
    await waitFor(() => expect(result.current.selection.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.partners.isSuccess).toBe(true));

    expect(namesCalls()).toHaveLength(1);
    expect(
      namesCalls()[0]
        ?.params.map(([, v]) => Number(v))
        .sort(),
    ).toEqual([...skids].sort());
    expect([...(result.current.partners.data?.keys() ?? [])]).toEqual(
      skids.slice(0, 4).sort((a, b) => a - b),
    );
    for (const skid of skids.slice(2))
      expect(result.current.selection.data?.get(skid)).toBe(nameOf(skid));

    // A third view asking for one of them reads the per-skeleton entry: no request.
    const single = renderHook(() => useQuery(neuronNames.query(scope, skids[5] ?? 0)), {
      wrapper: queryWrapper(client),
    });
    expect(single.result.current.data).toBe(nameOf(skids[5] ?? 0));
    expect(namesCalls()).toHaveLength(1);
  });

  it("a CATMAID error (status 200 with an error body) is the query's error", async () => {
    server.use(
      http.post(`${CATMAID_TEST_BASE}/1/skeleton/neuronnames`, () =>
        HttpResponse.json({ error: 'boom', type: 'ValueError', detail: '' }),
      ),
    );
    const { result } = renderHook(() => useQuery(neuronNamesQuery(testScope(), [1])), {
      wrapper: queryWrapper(testQueryClient()),
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ kind: 'catmaid' });
  });
});
