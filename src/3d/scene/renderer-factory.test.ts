import { describe, expect, it } from 'vitest';
import type { WebGLRendererParameters } from 'three';
import { rendererInOwnTask, VIEWER_GL_OPTIONS } from './renderer-factory.ts';

describe('rendererInOwnTask', () => {
  it('creates the renderer only after yielding, with R3F defaults overridden by the viewer options', async () => {
    const events: string[] = [];
    let release: () => void = () => undefined;
    const made: WebGLRendererParameters[] = [];
    const factory = rendererInOwnTask({
      yieldFn: () => {
        events.push('yield');
        return new Promise<void>((r) => (release = r));
      },
      create: (p) => {
        events.push('create');
        made.push(p);
        return { id: 'renderer' };
      },
    });
    const canvas = {} as HTMLCanvasElement;
    const pending = factory({ canvas, antialias: true, powerPreference: 'high-performance' });
    // Nothing is created in the task that mounted the canvas.
    await Promise.resolve();
    expect(events).toEqual(['yield']);
    release();
    await expect(pending).resolves.toEqual({ id: 'renderer' });
    expect(events).toEqual(['yield', 'create']);
    expect(made[0]).toEqual({
      canvas,
      powerPreference: 'high-performance',
      ...VIEWER_GL_OPTIONS,
    });
    expect(made[0]?.antialias).toBe(false);
  });
});
