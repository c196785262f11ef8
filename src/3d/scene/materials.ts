/** The layers' shader materials, built over the shared palette uniforms. */
import * as THREE from 'three';
import type { SharedUniforms } from './palette-uniforms.ts';
import {
  COLOUR_FRAGMENT,
  DISC_FRAGMENT,
  LINE_VERTEX,
  MARKER_FRAGMENT,
  MARKER_VERTEX,
  PICK_FRAGMENT,
  PICK_VERTEX,
  POINT_VERTEX,
  SHADED_FRAGMENT,
  SOMA_VERTEX,
  VOLUME_VERTEX,
} from './shaders.ts';

import {
  HIGHLIGHT_MARKER_COLOUR,
  OTHER_COLOUR,
  POST_COLOUR,
  PRE_COLOUR,
} from '../export/marker-colours.ts';

const vec3Of = ([r, g, b]: [number, number, number]) =>
  new THREE.Vector3(r / 255, g / 255, b / 255);

export function lineMaterial(shared: SharedUniforms): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms: { ...shared, uOffsetNdc: { value: new THREE.Vector2(0, 0) } },
    vertexShader: LINE_VERTEX,
    fragmentShader: COLOUR_FRAGMENT,
    transparent: true,
  });
}

export function pickMaterial(shared: SharedUniforms, block: number): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms: { uSlotColors: shared.uSlotColors, uBlock: { value: block } },
    vertexShader: PICK_VERTEX,
    fragmentShader: PICK_FRAGMENT,
    blending: THREE.NoBlending,
  });
}

export interface PointUniforms {
  [name: string]: THREE.IUniform;
  uShowKinds: THREE.IUniform<THREE.Vector3>;
  uPointSize: THREE.IUniform<number>;
}

export function connectorMaterial(shared: SharedUniforms): THREE.ShaderMaterial & {
  uniforms: PointUniforms;
} {
  const uniforms: PointUniforms = {
    uSlotColors: shared.uSlotColors,
    uKindColours: { value: [vec3Of(PRE_COLOUR), vec3Of(POST_COLOUR), vec3Of(OTHER_COLOUR)] },
    uShowKinds: { value: new THREE.Vector3(1, 1, 0) },
    uPointSize: { value: 5 },
  };
  const m = new THREE.ShaderMaterial({
    uniforms,
    vertexShader: POINT_VERTEX,
    fragmentShader: DISC_FRAGMENT,
  });
  return m as THREE.ShaderMaterial & { uniforms: PointUniforms };
}

export function markerMaterial(size: number): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms: { uColour: { value: vec3Of(HIGHLIGHT_MARKER_COLOUR) }, uPointSize: { value: size } },
    vertexShader: MARKER_VERTEX,
    fragmentShader: MARKER_FRAGMENT,
    // Transparent objects draw after opaque and translucent ones by render order: with the
    // highest order and no depth test the markers land on top of somata and arbors.
    transparent: true,
    depthTest: false,
    depthWrite: false,
  });
}

export function somaMaterial(shared: SharedUniforms): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms: shared,
    vertexShader: SOMA_VERTEX,
    fragmentShader: SHADED_FRAGMENT,
    transparent: true,
  });
}

export function volumeMaterial(
  rgb: [number, number, number],
  opacity: number,
): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    uniforms: { uColour: { value: vec3Of(rgb) }, uOpacity: { value: opacity } },
    vertexShader: VOLUME_VERTEX,
    fragmentShader: SHADED_FRAGMENT,
    transparent: true,
    depthWrite: false,
    side: THREE.DoubleSide,
  });
}
