/**
 * What a frame of the viewer depends on, for frames that add to the last one
 * (frame-accumulation.ts): the camera, the frame's size, every uniform and material setting of
 * the layers, the levels shown and what was rewritten in place, as one string; plus the objects
 * that grow by appending and the palette slots that grow at the end.
 */
import * as THREE from 'three';
import { colourModeDef } from '../colour-modes/registry.ts';
import type { AccumulationInput } from './frame-accumulation.ts';
import type { ViewerEngine } from './viewer-engine.ts';

function valueKey(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (v instanceof THREE.Texture) return `${v.uuid}@${v.version}`;
  if (v instanceof THREE.Color) return v.getHexString();
  if (v instanceof THREE.Vector2 || v instanceof THREE.Vector3 || v instanceof THREE.Vector4)
    return v.toArray().join(',');
  if (v instanceof THREE.Matrix3 || v instanceof THREE.Matrix4) return v.elements.join(',');
  if (Array.isArray(v)) return `[${v.map(valueKey).join(';')}]`;
  return v === null || v === undefined ? '' : '?';
}

/**
 * Uniforms only some colour modes read: they follow the scene as it grows (its depth range and
 * highest Strahler order), which must not redraw a frame whose mode does not use them.
 */
const MODE_UNIFORMS = ['uMaxStrahler', 'uZRange'];

/**
 * Uniform values (but the slot colours, compared apart) and the settings that change pixels;
 * `glsl`: the active colour mode's snippet.
 */
function materialKey(m: THREE.Material, glsl: string): string {
  const parts = [m.uuid, m.version, m.visible, m.transparent, m.blending, m.depthTest];
  if (m instanceof THREE.ShaderMaterial) {
    for (const [name, u] of Object.entries(m.uniforms)) {
      if (name === 'uSlotColors') continue;
      if (MODE_UNIFORMS.includes(name) && !glsl.includes(name)) continue;
      parts.push(name, valueKey(u.value));
    }
  }
  return parts.join('|');
}

/** Every used slot either shown opaque or hidden (alpha 255 or 0): drawing twice changes nothing. */
function opaque(slots: Uint8Array): boolean {
  for (let i = 3; i < slots.length; i += 4) {
    const a = slots[i] ?? 0;
    if (a !== 0 && a !== 255) return false;
  }
  return true;
}

/** The drawing buffer: its size and clear colour. */
export interface FrameSurface {
  width: number;
  height: number;
  clear: string;
}

export function surfaceOf(renderer: THREE.WebGLRenderer): FrameSurface {
  const size = renderer.getDrawingBufferSize(new THREE.Vector2());
  const clear = renderer.getClearColor(new THREE.Color()).getHexString();
  return { width: size.x, height: size.y, clear: `${clear}/${renderer.getClearAlpha()}` };
}

export function frameState(
  engine: ViewerEngine,
  camera: THREE.Camera,
  surface: FrameSurface,
  target: () => number,
): AccumulationInput {
  camera.updateMatrixWorld();
  const { lines, connectors, somata } = engine;
  const glsl = colourModeDef(engine.colourMode).glsl;
  const key = [
    camera.type,
    camera.projectionMatrix.elements.join(','),
    camera.matrixWorldInverse.elements.join(','),
    surface.width,
    surface.height,
    surface.clear,
    engine.root.visible,
    lines.group.visible,
    connectors.group.visible,
    somata.group.visible,
    lines.detailShown,
    connectors.detailShown,
    lines.rewrites,
    connectors.rewrites,
    engine.colourMode,
    materialKey(lines.material, glsl),
    materialKey(connectors.material, glsl),
    materialKey(somata.material, glsl),
  ].join('\n');
  const palette = engine.palette.uniforms.uSlotColors.value.image.data;
  const slots =
    palette instanceof Uint8Array
      ? palette.subarray(0, engine.model.slotSkeleton.length * 4)
      : new Uint8Array(0);
  return {
    key,
    drawables: [...lines.drawables(), ...connectors.drawables()],
    whole: [{ object: somata.group, version: somata.version }],
    growing: slots,
    // Volumes and highlighted synapses are drawn over the neurons: new neurons drawn after them
    // would come out on top.
    allowed:
      palette instanceof Uint8Array &&
      engine.volumes.children.length === 0 &&
      engine.markers.children.length === 0 &&
      opaque(slots),
    target,
  };
}
