/**
 * GLSL shared by the layers. Colours are written as they are (sRGB bytes from the palettes, no
 * colour-space conversion), so screen, PNG render targets and SVG export show identical colours.
 */
import { modeBranchesGlsl } from '../colour-modes/shader.ts';

export const PALETTE_GLSL = /* glsl */ `
uniform sampler2D uSlotColors;
uniform sampler2D uUserColors;
uniform sampler2D uRamp;
uniform int uMode;
uniform float uMaxStrahler;
uniform vec2 uZRange;
uniform float uHighlight;
uniform vec3 uBackground;

vec4 paletteAt(sampler2D t, float id) {
  int i = int(id + 0.5);
  return texelFetch(t, ivec2(i % 256, i / 256), 0);
}

// rgb for the active colour mode; a = the neuron's opacity (0 = hidden). code: the active
// per-node-data mode's vertex code (creation time, review), see scene-node-codes.ts.
vec4 modeColour(float slot, float strahler, float creator, float z, float compartment, float code) {
  vec4 s = paletteAt(uSlotColors, slot);
  vec3 c = s.rgb;
  ${modeBranchesGlsl()}
  if (uHighlight >= 0.0 && abs(slot - uHighlight) > 0.5) c = mix(c, uBackground, 0.65);
  return vec4(c, s.a);
}
`;

export const LINE_VERTEX = /* glsl */ `
attribute vec4 aInfo;
// Screen-space shift in NDC, for drawing wider lines in figure exports (several shifted passes).
uniform vec2 uOffsetNdc;
varying vec4 vColour;
${PALETTE_GLSL}
void main() {
  // aInfo.y packs the Strahler order (low byte) and the compartment code (high byte).
  vColour = modeColour(aInfo.x, mod(aInfo.y, 256.0), aInfo.z, position.z, floor(aInfo.y / 256.0), aInfo.w);
  if (vColour.a < 0.004) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  gl_Position.xy += uOffsetNdc * gl_Position.w;
}
`;

export const COLOUR_FRAGMENT = /* glsl */ `
varying vec4 vColour;
void main() {
  gl_FragColor = vColour;
}
`;

export const PICK_VERTEX = /* glsl */ `
attribute vec4 aInfo;
uniform sampler2D uSlotColors;
uniform float uBlock;
flat varying vec4 vId;
void main() {
  int i = int(aInfo.x + 0.5);
  if (texelFetch(uSlotColors, ivec2(i % 256, i / 256), 0).a < 0.004) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  int id = gl_VertexID + 1;
  vId = vec4(float(id & 255), float((id >> 8) & 255), float((id >> 16) & 255), uBlock + 1.0) / 255.0;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

export const PICK_FRAGMENT = /* glsl */ `
flat varying vec4 vId;
void main() { gl_FragColor = vId; }
`;

export const POINT_VERTEX = /* glsl */ `
attribute vec2 aInfo;
uniform sampler2D uSlotColors;
uniform vec3 uKindColours[3];
uniform vec3 uShowKinds;
uniform float uPointSize;
varying vec4 vColour;
void main() {
  int i = int(aInfo.x + 0.5);
  int kind = int(aInfo.y + 0.5);
  float shown = kind == 0 ? uShowKinds.x : kind == 1 ? uShowKinds.y : uShowKinds.z;
  float a = texelFetch(uSlotColors, ivec2(i % 256, i / 256), 0).a;
  if (shown < 0.5 || a < 0.004) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; return; }
  vColour = vec4(uKindColours[kind], 1.0);
  gl_PointSize = uPointSize;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

export const MARKER_VERTEX = /* glsl */ `
uniform vec3 uColour;
uniform float uPointSize;
varying vec4 vColour;
void main() {
  vColour = vec4(uColour, 1.0);
  gl_PointSize = uPointSize;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

export const DISC_FRAGMENT = /* glsl */ `
varying vec4 vColour;
void main() {
  vec2 d = gl_PointCoord - vec2(0.5);
  if (dot(d, d) > 0.25) discard;
  gl_FragColor = vColour;
}
`;

/** A disc with a dark rim, so a marker stands out on any neuron colour and background. */
export const MARKER_FRAGMENT = /* glsl */ `
varying vec4 vColour;
void main() {
  vec2 d = gl_PointCoord - vec2(0.5);
  float r2 = dot(d, d);
  if (r2 > 0.25) discard;
  gl_FragColor = vec4(r2 > 0.14 ? vColour.rgb * 0.35 : vColour.rgb, 1.0);
}
`;

export const SOMA_VERTEX = /* glsl */ `
attribute vec4 aSoma;
attribute float aSomaTime;
varying vec4 vColour;
varying vec3 vNormal;
${PALETTE_GLSL}
void main() {
  vColour = modeColour(aSoma.x, aSoma.y, aSoma.z, aSoma.w, 0.0, aSomaTime);
  if (vColour.a < 0.004) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  vNormal = normalize(normalMatrix * mat3(instanceMatrix) * normal);
  gl_Position = projectionMatrix * modelViewMatrix * instanceMatrix * vec4(position, 1.0);
}
`;

export const SHADED_FRAGMENT = /* glsl */ `
varying vec4 vColour;
varying vec3 vNormal;
void main() {
  float light = 0.55 + 0.45 * abs(normalize(vNormal).z);
  gl_FragColor = vec4(vColour.rgb * light, vColour.a);
}
`;

export const VOLUME_VERTEX = /* glsl */ `
uniform vec3 uColour;
uniform float uOpacity;
varying vec4 vColour;
varying vec3 vNormal;
void main() {
  vColour = vec4(uColour, uOpacity);
  vNormal = normalize(normalMatrix * normal);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;
