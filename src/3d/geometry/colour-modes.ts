/**
 * Colours and palettes shared by the WebGL scene (as palette textures read in the shaders), the
 * legend and the SVG/PNG exports, so all of them agree on every colour. The colour modes
 * themselves are registered in ../colour-modes/registry.ts.
 */
/** Palette textures are PALETTE_WIDTH texels wide; entry i sits at (i % width, i / width). */
import { creationTimeColor } from './creation-time.ts';

export const PALETTE_WIDTH = 256;

export type Rgb = [number, number, number];

// Viridis (depth) and a plasma-like ramp (Strahler), a few stops each; linear interpolation.
const VIRIDIS: Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
const PLASMA: Rgb[] = [
  [13, 8, 135],
  [126, 3, 168],
  [204, 71, 120],
  [248, 149, 64],
  [240, 249, 33],
];

function ramp(stops: Rgb[], t: number): Rgb {
  const x = Math.min(Math.max(Number.isFinite(t) ? t : 0, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  const a = stops[i] ?? [0, 0, 0];
  const b = stops[i + 1] ?? a;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

export const depthColor = (t: number): Rgb => ramp(VIRIDIS, t);

/** Order 1 (terminal twigs) dark, the highest order (main trunk) bright. */
export function strahlerColor(order: number, max: number): Rgb {
  return ramp(PLASMA, max <= 1 ? 0 : (order - 1) / (max - 1));
}

export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  const v = m ? parseInt(m[1] ?? '0', 16) : 0x888888;
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export function rgbToHex([r, g, b]: Rgb): string {
  const h = (v: number) =>
    Math.round(Math.min(Math.max(v, 0), 255))
      .toString(16)
      .padStart(2, '0');
  return `#${h(r)}${h(g)}${h(b)}`;
}

/** User colours come as 0–1 floats from /user-list. */
export function unitRgb([r, g, b]: [number, number, number]): Rgb {
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255)];
}

export function paletteRows(count: number): number {
  return Math.max(1, Math.ceil(count / PALETTE_WIDTH));
}

/** RGBA bytes for `count` entries (rows of PALETTE_WIDTH), alpha 0 = not drawn. */
export function buildPalette(
  count: number,
  entry: (i: number) => { rgb: Rgb; alpha: number } | null,
): Uint8Array {
  const data = new Uint8Array(paletteRows(count) * PALETTE_WIDTH * 4);
  for (let i = 0; i < count; i++) {
    const e = entry(i);
    if (!e) continue;
    data.set(
      [e.rgb[0], e.rgb[1], e.rgb[2], Math.round(Math.min(Math.max(e.alpha, 0), 1) * 255)],
      i * 4,
    );
  }
  return data;
}

/** Rows of the ramp texture; a row's centre is sampled at v = (row + 0.5) / RAMP_ROWS. */
export const RAMP_ROWS = 3;

/** 256 × 3 RGBA ramp texture: row 0 depth, row 1 Strahler (normalised order), row 2 time. */
export function buildRampData(): Uint8Array {
  const data = new Uint8Array(256 * RAMP_ROWS * 4);
  for (let i = 0; i < 256; i++) {
    data.set([...depthColor(i / 255), 255], i * 4);
    data.set([...ramp(PLASMA, i / 255), 255], (256 + i) * 4);
    data.set([...creationTimeColor(i / 255), 255], (512 + i) * 4);
  }
  return data;
}
