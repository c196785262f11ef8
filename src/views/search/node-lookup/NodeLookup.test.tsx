/**
 * "Find a node" against the demo server: a treenode id and a pasted CATMAID link answer what the
 * demo's raw answers say (skeleton, neuron, location, tags, creator); a connector id lists its
 * partners; an unknown id says so; "Show in 3D at this node" selects the neuron, switches to 3D
 * and puts the camera's target on the node.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAnswer } from '../../../../test-support/msw/demo-answer.ts';
import { demoStore } from '../../../../test-support/msw/handlers.ts';
import { setupCatmaidServer } from '../../../../test-support/msw/server.ts';
import { renderWithDashboard } from '../../../../test-support/dom/render-dashboard.tsx';
import { useSelection } from '../../../state/selection-context.tsx';
import { useUrlStore } from '../../../state/url-store.ts';
import { NodeLookup } from './NodeLookup.tsx';

setupCatmaidServer();
afterEach(cleanup);

function demoNode() {
  const p = demoStore().projects.get(1);
  const s = p?.skelById.get(1092);
  if (!p || s === undefined) throw new Error('no demo skeleton 1092');
  // A tagged node when there is one (the soma), else the skeleton's first node.
  const [t0] = p.tagRange(...p.nodeRange(s));
  const tagged = p.a.tagNode[t0];
  const i = tagged !== undefined && p.skelOfNode[tagged] === s ? tagged : p.nodeRange(s)[0];
  return { nodeId: p.nodeId(i), name: p.neuron(s).name };
}

/** Shows the URL store's view, camera target and the selection, as a user would see them. */
function Probe() {
  const view = useUrlStore((s) => s.state.view);
  const target = useUrlStore((s) => s.state.camera?.target.join(',') ?? '');
  const ids = useSelection((s) => s.items.map((i) => i.skeletonId).join(','));
  return <output aria-label="probe">{`${view}|${target}|${ids}`}</output>;
}

function find(text: string) {
  fireEvent.change(screen.getByLabelText('Find a node'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Find' }));
}

const fact = (section: HTMLElement, term: string) =>
  within(section).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent ?? '';

describe('NodeLookup', () => {
  it('a treenode id: skeleton, location and tags as the demo answers', async () => {
    const { nodeId, name } = demoNode();
    const row = demoAnswer('GET', `/1/treenodes/${nodeId}/compact-detail`) as number[];
    const tags = demoAnswer('GET', `/1/labels/treenode/${nodeId}/`) as string[];
    renderWithDashboard(
      <>
        <NodeLookup />
        <Probe />
      </>,
    );
    find(String(nodeId));
    const found = await screen.findByRole('region', { name: 'Found node' });
    expect(fact(found, 'Skeleton')).toBe(`1092 — ${name}`);
    const loc = row.slice(2, 5).map((v) => Math.round(v).toLocaleString('en-US'));
    expect(fact(found, 'Location (nm)')).toBe(loc.join(', '));
    expect(fact(found, 'Tags')).toBe(tags.length ? tags.join(', ') : 'none');
    expect(
      within(found).getByRole('link', { name: 'Open this neuron' }).getAttribute('href'),
    ).toMatch(/^\?view=neuron&pid=1&skid=1092/);
    fireEvent.click(within(found).getByRole('button', { name: 'Show in 3D at this node' }));
    expect(screen.getByLabelText('probe').textContent).toBe(`3d|${row.slice(2, 5).join(',')}|1092`);
  });

  it('a pasted CATMAID link finds its active node', async () => {
    const { nodeId, name } = demoNode();
    renderWithDashboard(<NodeLookup />);
    find(
      `https://catmaid.example.org/?pid=1&xp=1&yp=2&zp=3&tool=tracingtool&active_skeleton_id=1092&active_node_id=${nodeId}`,
    );
    const found = await screen.findByRole('region', { name: 'Found node' });
    expect(fact(found, 'Treenode')).toBe(String(nodeId));
    expect(fact(found, 'Skeleton')).toBe(`1092 — ${name}`);
  });

  it('a connector id lists its partners', async () => {
    const [, links] = demoAnswer('GET', '/1/skeletons/1092/compact-detail', [
      ['with_connectors', 'true'],
    ]) as [unknown, number[][]];
    const connectorId = links[0]?.[1] ?? 0;
    renderWithDashboard(<NodeLookup />);
    find(String(connectorId));
    const found = await screen.findByRole('region', { name: 'Found node' });
    expect(fact(found, 'Connector')).toBe(String(connectorId));
    expect(fact(found, 'Partners')).toContain('of skeleton 1092');
  });

  it('an unknown id and unusable text say so', async () => {
    renderWithDashboard(<NodeLookup />);
    find('hello');
    expect(screen.getByRole('alert').textContent).toMatch(/Enter a treenode or connector id/);
    find('999999999');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'No treenode or connector with id 999999999 in project 1.',
    );
  });
});
