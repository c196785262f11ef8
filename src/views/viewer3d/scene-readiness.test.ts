import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import { ViewerHandle } from '../../3d/scene/viewer-handle.ts';
import { defaultViewerState } from '../../state/viewer-url.ts';
import type { LoadSummary } from './load-tracker.ts';
import { SceneReadiness } from './scene-readiness.ts';
import { optionsFromUrl } from './view-options.ts';

const options = optionsFromUrl(defaultViewerState);
const settled = (loaded: number, nodes: number): LoadSummary => ({
  requested: loaded,
  loaded,
  nodes,
  failed: [],
  extrasFailed: [],
  settled: true,
  fullPending: loaded,
  fullFailed: [],
});

function readiness() {
  const r = new SceneReadiness(new ViewerEngine(), new ViewerHandle());
  const needFull = vi.fn();
  r.onNeedFull(needFull);
  r.attach({ dataset: {} } as unknown as HTMLElement);
  return { r, needFull };
}

describe('SceneReadiness, display first', () => {
  beforeEach(() => {
    // Polls for the GPU and the full data: never run here.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('does not ask a lab scene’s full data when a frame drawn before its neurons arrived is shown', () => {
    const { r, needFull } = readiness();
    // A reload: the first, empty frame is still on the GPU when every display form is in.
    r.update(settled(1000, 10_400_000), options);
    r.frame({ drawCalls: 0, complete: false, added: false });
    expect(needFull).not.toHaveBeenCalled();
  });

  it('asks at once when the settled scene is shown finer than coarse (display forms cannot complete it)', () => {
    const { r, needFull } = readiness();
    r.update(settled(2, 5_000), options);
    r.frame({ drawCalls: 0, complete: false, added: false });
    expect(needFull).toHaveBeenCalledTimes(1);
  });
});
