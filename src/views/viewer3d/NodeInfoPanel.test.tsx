/**
 * The 3D view's clicked-node panel links to CATMAID at that node, with the project's stack: no
 * link before the stack list has arrived (the old link had no `sid0`), none without a web client.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { CATMAID_TEST_BASE, calls, demoStore } from '../../../test-support/msw/handlers.ts';
import { server, setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { testQueryClient, testScope } from '../../../test-support/msw/scope.ts';
import { CatmaidScopeProvider } from '../shared/catmaid-scope.tsx';
import { UrlStateProvider } from '../../state/url-context.tsx';
import { NodeInfoPanel, type PickedNode } from './NodeInfoPanel.tsx';

setupCatmaidServer();
afterEach(cleanup);

const LABEL = 'Open in CATMAID at this node';

function pickedNode(): PickedNode {
  const p = demoStore().projects.get(1);
  const skeletonId = p ? [...p.skelById.keys()][2] : undefined;
  const s = skeletonId === undefined ? undefined : p?.skelById.get(skeletonId);
  if (!p || skeletonId === undefined || s === undefined) throw new Error('no demo skeleton');
  const i = p.nodeRange(s)[0] + 5;
  return {
    skeletonId,
    nodeId: p.nodeId(i),
    position: [(p.a.x[i] ?? 0) + 0.4, (p.a.y[i] ?? 0) + 0.6, p.a.z[i] ?? 0],
    creatorId: 1,
  };
}

function renderPanel(node: PickedNode, catmaidUrl: string | null) {
  render(
    <QueryClientProvider client={testQueryClient()}>
      <CatmaidScopeProvider scope={testScope()}>
        <UrlStateProvider>
          <NodeInfoPanel
            node={node}
            neuronName="PN 7"
            users={new Map()}
            catmaidUrl={catmaidUrl}
            onClose={() => undefined}
          />
        </UrlStateProvider>
      </CatmaidScopeProvider>
    </QueryClientProvider>,
  );
  return screen.getByRole('region', { name: 'Selected node' });
}

describe('Open in CATMAID at the clicked node', () => {
  it('waits for the stack list, then links to the node with every parameter', async () => {
    server.use(
      http.get(`${CATMAID_TEST_BASE}/1/stacks`, async () => {
        await delay(100);
        return HttpResponse.json([{ id: 9, pid: 1, title: 'EM', comment: '' }]);
      }),
    );
    const node = pickedNode();
    const panel = renderPanel(node, 'https://host.org/catmaid');
    const waiting = within(panel).getByRole('button', { name: LABEL });
    expect(waiting.getAttribute('aria-disabled')).toBe('true');
    expect(within(panel).getByText('Finding the project’s image stack…')).toBeTruthy();
    expect(within(panel).queryByRole('link', { name: LABEL })).toBeNull();

    const link = await within(panel).findByRole('link', { name: LABEL });
    const [x, y, z] = node.position.map(Math.round);
    expect(link.getAttribute('href')).toBe(
      `https://host.org/catmaid/?pid=1&xp=${x}&yp=${y}&zp=${z}&tool=tracingtool&sid0=9&s0=0` +
        `&active_skeleton_id=${node.skeletonId}&active_node_id=${node.nodeId}`,
    );
    // The clicked node is the location: no root lookup.
    expect(calls.some((c) => c.path.endsWith('/root'))).toBe(false);
  });

  it('shows a failed stack list with Retry', async () => {
    server.use(http.get(`${CATMAID_TEST_BASE}/1/stacks`, () => HttpResponse.error()));
    const panel = renderPanel(pickedNode(), 'https://host.org/catmaid');
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toMatch(/Finding the project’s image stack/);
    server.resetHandlers();
    within(alert).getByRole('button', { name: 'Retry' }).click();
    expect(await within(panel).findByRole('link', { name: LABEL })).toBeTruthy();
  });

  it('without a web client: a disabled control that says why, and no stack request', () => {
    const panel = renderPanel(pickedNode(), null);
    const control = within(panel).getByRole('button', { name: LABEL });
    expect(control.getAttribute('aria-disabled')).toBe('true');
    expect(within(panel).getByText(/has no CATMAID web client/)).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/stacks'))).toBe(false);
  });
});

describe('Open the neuron page from the 3D pick', () => {
  it('links to view=neuron with the picked skeleton', () => {
    const node = pickedNode();
    const panel = renderPanel(node, null);
    const link = within(panel).getByRole('link', { name: 'Open neuron page for PN 7' });
    const params = new URLSearchParams(link.getAttribute('href') ?? '');
    expect(params.get('view')).toBe('neuron');
    expect(params.get('skid')).toBe(String(node.skeletonId));
  });
});
