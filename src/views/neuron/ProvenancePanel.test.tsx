/**
 * The provenance panel against the demo data (through MSW): an imported skeleton names its data
 * source, source project and source skeleton as `skeletons/origin` answers them, with the
 * imported node count of `skeletons/import-info`; a skeleton without an origin says it was traced
 * here; a failed origin request shows the shared error with a Retry that asks again.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAnswer } from '../../../test-support/msw/demo-answer.ts';
import { calls, CATMAID_TEST_BASE, demoStore } from '../../../test-support/msw/handlers.ts';
import { server, setupCatmaidServer } from '../../../test-support/msw/server.ts';
import { renderWithDashboard } from '../../../test-support/dom/render-dashboard.tsx';
import { ProvenancePanel } from './ProvenancePanel.tsx';

setupCatmaidServer();
afterEach(cleanup);

interface Origins {
  data_sources: Record<string, { name: string; url: string; source_project_id: number }>;
  origins: Record<string, { source_id: number; data_source_id: number }>;
}

const ids =
  demoStore()
    .projects.get(1)
    ?.meta.neurons.map((n) => n.skeletonId) ?? [];
const all = demoAnswer(
  'POST',
  '/1/skeletons/origin',
  ids.map((id, k) => [`skeleton_ids[${k}]`, String(id)]),
) as Origins;
const importedId = Number(Object.keys(all.origins)[0]);
const tracedId = ids.find((id) => !(String(id) in all.origins)) ?? 0;

/** The panel's facts by CSV key, as shown. */
function shownFacts(): Map<string, string> {
  const dds = document.querySelectorAll('dl[aria-label="Provenance"] dd');
  return new Map([...dds].map((dd) => [dd.getAttribute('data-fact') ?? '', dd.textContent]));
}

describe('ProvenancePanel', () => {
  it('names where an imported skeleton came from, with its imported nodes', async () => {
    const o = all.origins[String(importedId)];
    const ds = o ? all.data_sources[String(o.data_source_id)] : undefined;
    if (!o || !ds) throw new Error('no imported demo skeleton');
    const info = demoAnswer('POST', '/1/skeletons/import-info', [
      ['skeleton_ids[0]', String(importedId)],
    ]) as Record<string, { n_imported_treenodes: number }>;
    const n = info[String(importedId)]?.n_imported_treenodes ?? -1;
    expect(n).toBeGreaterThan(0);
    renderWithDashboard(<ProvenancePanel skeletonId={importedId} />);
    const line = await screen.findByRole('status', { name: 'Origin' });
    expect(line.textContent).toContain(
      `Imported from ${ds.name} (${ds.url}), project ${ds.source_project_id}, skeleton ${o.source_id}`,
    );
    const link = within(line).getByRole('link', {
      name: `Open skeleton ${o.source_id} on the source server`,
    });
    const href = new URL(link.getAttribute('href') ?? '');
    expect(href.origin + href.pathname).toBe(ds.url);
    expect(href.searchParams.get('pid')).toBe(String(ds.source_project_id));
    expect(href.searchParams.get('active_skeleton_id')).toBe(String(o.source_id));
    expect(shownFacts().get('source_skeleton_id')).toBe(String(o.source_id));
    expect(shownFacts().get('data_source_name')).toBe(ds.name);
    await screen.findByText((_, el) => el?.getAttribute('data-fact') === 'imported_nodes');
    expect(shownFacts().get('imported_nodes')).toBe(n.toLocaleString('en-US'));
    expect(line.textContent).toContain(`${n.toLocaleString('en-US')} nodes came with the import`);
  });

  it('says a skeleton without an origin was traced here', async () => {
    renderWithDashboard(<ProvenancePanel skeletonId={tracedId} />);
    const line = await screen.findByRole('status', { name: 'Origin' });
    expect(line.textContent).toBe('Traced here (no import record)');
    expect(within(line).queryByRole('link')).toBeNull();
  });

  it('shows a failed origin request with Retry, which asks again', async () => {
    server.use(
      http.post(`${CATMAID_TEST_BASE}/1/skeletons/origin`, () =>
        HttpResponse.text('Internal Server Error', { status: 500 }),
      ),
    );
    renderWithDashboard(<ProvenancePanel skeletonId={importedId} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not load the skeleton's origin/);
    expect(screen.queryByRole('status', { name: 'Origin' })).toBeNull();
    server.resetHandlers();
    calls.length = 0;
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    const line = await screen.findByRole('status', { name: 'Origin' });
    expect(line.textContent).toMatch(/^Imported from /);
    expect(calls.filter((c) => c.path === '/1/skeletons/origin')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
