/**
 * The morphology section against the demo server's raw compact-detail: the summary's counts
 * (nodes, branch points, end nodes, synapses) are recomputed here from the raw rows, the
 * dendrogram draws one mark per synapse and collapsing twigs drops drawn stretches but no
 * synapse. The skeleton reaches the section through its cache entry (the worker pool is not
 * available in jsdom), seeded from the same endpoint through the api layer; the analyses run
 * inline (no Worker in jsdom), exactly as the worker would run them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoAnswer } from '../../../../test-support/msw/demo-answer.ts';
import { renderWithDashboard } from '../../../../test-support/dom/render-dashboard.tsx';
import { setupCatmaidServer } from '../../../../test-support/msw/server.ts';
import { testScope } from '../../../../test-support/msw/scope.ts';
import { fetchSkeleton, type SkeletonDetail } from '../../../api/skeletons.ts';
import type { LoadedSkeleton } from '../../../workers/skeleton-protocol.ts';
import { buildSkeletonPiece } from '../../../3d/geometry/skeleton-piece.ts';
import { MORPHOLOGY_FLAGS } from '../../../workers/morphology-query.ts';
import { skeletonKey } from '../../../workers/skeleton-query.ts';
import { MorphologySection } from './MorphologySection.tsx';

vi.mock('../../../components/plots/load-plotly.ts', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

setupCatmaidServer();
afterEach(cleanup);

const SKID = 1092;

type Raw = [unknown[][], unknown[][], Record<string, unknown[]>];

function rawCounts() {
  const [nodes, connectors, tags] = demoAnswer('GET', `/1/skeletons/${SKID}/compact-detail`, [
    ['with_connectors', 'true'],
    ['with_tags', 'true'],
  ]) as Raw;
  const children = new Map<unknown, number>();
  for (const r of nodes) if (r[1] !== null) children.set(r[1], (children.get(r[1]) ?? 0) + 1);
  const withParent = nodes.filter((r) => r[1] !== null);
  return {
    nodes: nodes.length,
    branchPoints: [...children.values()].filter((c) => c >= 2).length,
    ends: withParent.filter((r) => !children.has(r[0])).length,
    pre: connectors.filter((c) => c[2] === 0).length,
    post: connectors.filter((c) => c[2] === 1).length,
    somaTagged: (tags.soma ?? []).length > 0,
  };
}

/** Seeds the skeleton's cache entry before the section first renders. */
function Seeded({ detail, children }: { detail: SkeletonDetail; children: ReactNode }) {
  const client = useQueryClient();
  useState(() => {
    const loaded: LoadedSkeleton = {
      skeletonId: SKID,
      detail,
      piece: buildSkeletonPiece(detail),
      source: 'network',
    };
    client.setQueryData(skeletonKey(testScope(), SKID, MORPHOLOGY_FLAGS), loaded);
    return null;
  });
  return children;
}

async function renderSection() {
  const detail = await fetchSkeleton(testScope(), SKID, MORPHOLOGY_FLAGS);
  return renderWithDashboard(
    <Seeded detail={detail}>
      <MorphologySection skeletonId={SKID} />
    </Seeded>,
  );
}

const en = (n: number) => n.toLocaleString('en-US');

describe('MorphologySection', () => {
  it('summarises the skeleton as the raw compact-detail implies', async () => {
    const raw = rawCounts();
    await renderSection();
    const summary = await screen.findByRole('status', { name: 'Morphology summary' });
    const text = summary.textContent ?? '';
    expect(text).toContain(`${en(raw.nodes)} nodes`);
    expect(text).toContain(`${en(raw.branchPoints)} branch points`);
    expect(text).toContain(`${en(raw.ends)} end nodes`);
    expect(text).toContain(`${en(raw.pre)} presynapses`);
    expect(text).toContain(`${en(raw.post)} postsynapses`);
    expect(text).toContain(raw.somaTagged ? 'soma (tagged' : 'soma');
  });

  it('draws every synapse on the dendrogram, also when twigs collapse', async () => {
    const raw = rawCounts();
    await renderSection();
    const svg = await screen.findByRole('img', { name: 'Dendrogram' });
    const marks = () => ({
      pre: svg.querySelectorAll('[data-relation="pre"] circle').length,
      post: svg.querySelectorAll('[data-relation="post"] circle').length,
      path: svg.querySelector('path')?.getAttribute('d') ?? '',
    });
    const before = marks();
    expect(before.pre).toBe(raw.pre);
    expect(before.post).toBe(raw.post);
    const stretches = (d: string) => d.split('H').length - 1;
    fireEvent.change(screen.getByLabelText('Collapse twigs shorter than (µm)'), {
      target: { value: '5' },
    });
    await screen.findByLabelText('Collapsed twigs');
    const after = marks();
    expect(stretches(after.path)).toBeLessThan(stretches(before.path));
    expect(after.pre).toBe(raw.pre);
    expect(after.post).toBe(raw.post);
    const bar = screen.getByRole('group', { name: 'Export dendrogram' });
    for (const name of ['SVG', 'PNG', 'CSV'])
      expect(within(bar).getByRole('button', { name })).toBeTruthy();
  });
});
