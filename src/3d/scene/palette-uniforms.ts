/**
 * The uniforms every layer shares: palette textures (per-neuron slot colours + visibility, user
 * colours, colour ramps) and the colour-mode switches. Changing the colour mode or a neuron's
 * colour touches a few texels or one uniform — never the 10^6-vertex buffers.
 */
import * as THREE from 'three';
import { colourModeDef, type ColourMode } from '../colour-modes/registry.ts';
import { PALETTE_WIDTH, RAMP_ROWS, buildRampData, paletteRows } from '../geometry/colour-modes.ts';

function dataTexture(data: Uint8Array, width: number, height: number, linear: boolean) {
  const t = new THREE.DataTexture(data, width, height, THREE.RGBAFormat, THREE.UnsignedByteType);
  t.magFilter = linear ? THREE.LinearFilter : THREE.NearestFilter;
  t.minFilter = linear ? THREE.LinearFilter : THREE.NearestFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  return t;
}

export interface SharedUniforms {
  [name: string]: THREE.IUniform;
  uSlotColors: THREE.IUniform<THREE.DataTexture>;
  uUserColors: THREE.IUniform<THREE.DataTexture>;
  uRamp: THREE.IUniform<THREE.DataTexture>;
  uMode: THREE.IUniform<number>;
  uMaxStrahler: THREE.IUniform<number>;
  uZRange: THREE.IUniform<THREE.Vector2>;
  uHighlight: THREE.IUniform<number>;
  uBackground: THREE.IUniform<THREE.Vector3>;
}

export class PaletteUniforms {
  readonly uniforms: SharedUniforms;

  constructor() {
    this.uniforms = {
      uSlotColors: {
        value: dataTexture(new Uint8Array(PALETTE_WIDTH * 4), PALETTE_WIDTH, 1, false),
      },
      uUserColors: {
        value: dataTexture(new Uint8Array(PALETTE_WIDTH * 4), PALETTE_WIDTH, 1, false),
      },
      uRamp: { value: dataTexture(buildRampData(), 256, RAMP_ROWS, true) },
      uMode: { value: 0 },
      uMaxStrahler: { value: 1 },
      uZRange: { value: new THREE.Vector2(0, 1) },
      uHighlight: { value: -1 },
      uBackground: { value: new THREE.Vector3(1, 1, 1) },
    };
  }

  private replace(u: THREE.IUniform<THREE.DataTexture>, data: Uint8Array, count: number) {
    const rows = paletteRows(count);
    const old = u.value;
    if (old.image.height === rows && old.image.width === PALETTE_WIDTH) {
      (old.image.data as Uint8Array).set(data.subarray(0, PALETTE_WIDTH * rows * 4));
      old.needsUpdate = true;
      return;
    }
    u.value = dataTexture(data, PALETTE_WIDTH, rows, false);
    old.dispose();
  }

  /** RGBA per slot, from buildPalette. */
  setSlotColors(data: Uint8Array, count: number): void {
    this.replace(this.uniforms.uSlotColors, data, count);
  }

  /** RGBA per user id, from buildPalette. */
  setUserColors(data: Uint8Array, count: number): void {
    this.replace(this.uniforms.uUserColors, data, count);
  }

  setMode(mode: ColourMode, maxStrahler: number, zMin: number, zMax: number): void {
    this.uniforms.uMode.value = colourModeDef(mode).shaderIndex;
    this.uniforms.uMaxStrahler.value = maxStrahler;
    this.uniforms.uZRange.value.set(zMin, zMax);
  }

  dispose(): void {
    this.uniforms.uSlotColors.value.dispose();
    this.uniforms.uUserColors.value.dispose();
    this.uniforms.uRamp.value.dispose();
  }
}
