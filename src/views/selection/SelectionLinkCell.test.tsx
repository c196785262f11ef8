/**
 * A selection row's "Open in CATMAID" link against the demo data through MSW, with a fake web
 * client address (the demo server has none, so e2e never sees these links): it is an anchor only
 * once complete (stack, root location, skeleton and node), asks for the root only when reached
 * for, keeps keyboard focus, opens after a quick click, and shows a failure with Retry.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { f32 } from '../../../server/demo/http/float32.ts';
import { CATMAID_TEST_BASE, calls, demoStore } from '../../../test-support/msw/handlers.ts';
import { server, setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { testQueryClient, testScope } from '../../../test-support/msw/scope.ts';
import { catmaidLink } from '../../lib/catmaid-link.ts';
import { CatmaidScopeProvider } from '../shared/catmaid-scope.tsx';
import type { CatmaidLinkTarget } from '../shared/use-catmaid-link.ts';
import { SelectionLinkCell } from './SelectionLinkCell.tsx';

setupCatmaidServer();
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const WEB = 'https://catmaid.example.org/tracing/';
const TARGET: CatmaidLinkTarget = { url: WEB, unavailable: '' };

function demoProject() {
  const p = demoStore().projects.get(1);
  if (!p) throw new Error('demo data lacks project 1');
  return p;
}
const SKID = [...demoProject().skelById.keys()][3] ?? 0;
const NAME = 'PN 42';
const LABEL = `Open ${NAME} in CATMAID`;

/** The link a real CATMAID would get for SKID: the demo's first stack, at the root node. */
function expectedHref(): string {
  const p = demoProject();
  const s = p.skelById.get(SKID) ?? 0;
  const [n0] = p.nodeRange(s);
  return catmaidLink({
    webClientUrl: WEB,
    projectId: 1,
    stackId: p.meta.stack.id,
    zoom: 0,
    location: { x: f32(p.a.x[n0] ?? 0), y: f32(p.a.y[n0] ?? 0), z: f32(p.a.z[n0] ?? 0) },
    skeletonId: SKID,
    nodeId: p.nodeId(n0),
  });
}

function renderCell(target = TARGET, client: QueryClient = testQueryClient()) {
  render(
    <QueryClientProvider client={client}>
      <CatmaidScopeProvider scope={testScope()}>
        <SelectionLinkCell target={target} skeletonId={SKID} name={NAME} />
      </CatmaidScopeProvider>
    </QueryClientProvider>,
  );
}

const rootCalls = () => calls.filter((c) => c.path === `/1/skeletons/${SKID}/root`);
const waiting = () => screen.getByRole('button', { name: LABEL });

describe('Open in CATMAID from a selection row', () => {
  it('asks for nothing until reached for, then links to the root with every parameter', async () => {
    const user = userEvent.setup();
    renderCell();
    expect(waiting().getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('link')).toBeNull();
    expect(calls).toHaveLength(0);

    await user.hover(waiting());
    const link = await screen.findByRole('link', { name: LABEL });
    expect(link.getAttribute('href')).toBe(expectedHref());
    const params = new URL(link.getAttribute('href') ?? '').searchParams;
    for (const key of ['pid', 'xp', 'yp', 'zp', 'sid0', 's0', 'active_skeleton_id'])
      expect(params.get(key), key).toMatch(/^-?\d+$/);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(rootCalls()).toHaveLength(1);
  });

  it('shows what it waits for, and no link, until the stack list has arrived', async () => {
    let release: () => void = () => undefined;
    const stacksHeld = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(`${CATMAID_TEST_BASE}/1/stacks`, async () => {
        await stacksHeld;
        return HttpResponse.json([{ id: 5, pid: 1, title: 'held', comment: '' }]);
      }),
    );
    const user = userEvent.setup();
    renderCell();
    await user.hover(waiting());
    await waitFor(() => expect(rootCalls()).toHaveLength(1));
    await waitFor(() =>
      expect(waiting().getAttribute('title')).toBe('Finding the project’s image stack…'),
    );
    expect(screen.getByRole('button', { name: LABEL, description: /image stack/ })).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
    act(() => release());
    const link = await screen.findByRole('link', { name: LABEL });
    expect(new URL(link.getAttribute('href') ?? '').searchParams.get('sid0')).toBe('5');
  });

  it('a keyboard user who tabs to it lands on the link once it is complete', async () => {
    server.use(
      http.get(`${CATMAID_TEST_BASE}/1/skeletons/${SKID}/root`, async () => {
        await delay(100);
        return HttpResponse.json({ root_id: 77, x: 1, y: 2, z: 3 });
      }),
    );
    const user = userEvent.setup();
    renderCell();
    const control = waiting();
    await user.tab();
    expect(document.activeElement).toBe(control);
    expect(control.getAttribute('aria-busy')).toBe('true');
    const link = await screen.findByRole('link', { name: LABEL });
    await waitFor(() => expect(document.activeElement).toBe(link));
  });

  it('a click before the root has arrived opens the link when it does', async () => {
    server.use(
      http.get(`${CATMAID_TEST_BASE}/1/skeletons/${SKID}/root`, async () => {
        await delay(150);
        return HttpResponse.json({ root_id: 77, x: 1.6, y: 2.4, z: 3.5 });
      }),
    );
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    renderCell();
    // A touch tap: no hover before the click.
    waiting().click();
    expect(open).not.toHaveBeenCalled();
    await screen.findByRole('link', { name: LABEL });
    expect(open).toHaveBeenCalledTimes(1);
    const [href, target, features] = open.mock.calls[0] ?? [];
    expect(String(href)).toMatch(/[?&]xp=2&yp=2&zp=4&.*&active_node_id=77$/);
    expect([target, features]).toEqual(['_blank', 'noopener,noreferrer']);
  });

  it('says why it failed and recovers with Retry', async () => {
    server.use(
      http.get(`${CATMAID_TEST_BASE}/1/skeletons/${SKID}/root`, () =>
        HttpResponse.json(
          { error: 'ClassInstance matching query does not exist.', type: 'DoesNotExist' },
          { status: 500 },
        ),
      ),
    );
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const user = userEvent.setup();
    renderCell();
    await user.click(waiting());
    const retry = await screen.findByRole('button', {
      name: `Retry: ${LABEL}`,
      description: /Finding the neuron’s root/,
    });
    expect(screen.queryByRole('link')).toBeNull();
    server.resetHandlers();
    await user.click(retry);
    const link = await screen.findByRole('link', { name: LABEL });
    expect(link.getAttribute('href')).toBe(expectedHref());
    // The failed attempt's click does not pop a tab up later.
    expect(open).not.toHaveBeenCalled();
  });

  it('without a web client: disabled with the reason, and no requests', async () => {
    const user = userEvent.setup();
    renderCell({ url: null, unavailable: 'No web client here.' });
    await user.hover(waiting());
    await user.click(waiting());
    expect(
      screen.getByRole('button', { name: LABEL, description: 'No web client here.' }),
    ).toBeTruthy();
    expect(waiting().getAttribute('aria-disabled')).toBe('true');
    expect(calls).toHaveLength(0);
  });
});
