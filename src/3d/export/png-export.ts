/**
 * PNG figure export at any size up to 8192 px wide, independent of the window: the scene is
 * rendered tile by tile into an offscreen render target with the camera's view offset, read
 * back, un-premultiplied (real transparency) and assembled on a 2D canvas; then the optional
 * scale bar and legend are drawn on top. Lines are widened with shifted passes so they keep
 * their on-screen weight at print size.
 */
import * as THREE from 'three';
import type { ViewerEngine } from '../scene/viewer-engine.ts';
import type { ViewerCamera } from '../scene/viewer-handle.ts';

export const MAX_PNG_WIDTH = 8192;

export interface PngRenderOptions {
  width: number;
  height: number;
  background: 'transparent' | 'white' | 'black';
  /** Line width in output pixels (1 = hairline). */
  lineWidth: number;
  /** Connector / marker dot size multiplier (output px per screen px). */
  pointScale: number;
  overlay?: (ctx: CanvasRenderingContext2D) => void;
}

const BACKGROUNDS = {
  transparent: [0xffffff, 0],
  white: [0xffffff, 1],
  black: [0x000000, 1],
} as const;

function diskOffsets(width: number): [number, number][] {
  const r = (Math.min(Math.max(width, 1), 8) - 1) / 2;
  const out: [number, number][] = [];
  for (let y = -Math.ceil(r); y <= Math.ceil(r); y++) {
    for (let x = -Math.ceil(r); x <= Math.ceil(r); x++) {
      if ((x !== 0 || y !== 0) && x * x + y * y <= r * r + 0.25) out.push([x, y]);
    }
  }
  return out;
}

function copyTile(
  ctx: CanvasRenderingContext2D,
  pixels: Uint8Array,
  x: number,
  y: number,
  w: number,
  h: number,
  totalH: number,
) {
  const img = ctx.createImageData(w, h);
  const dst = img.data;
  for (let row = 0; row < h; row++) {
    const src = (h - 1 - row) * w * 4;
    const out = row * w * 4;
    for (let i = 0; i < w * 4; i += 4) {
      const a = pixels[src + i + 3] ?? 0;
      const k = a > 0 && a < 255 ? 255 / a : 1;
      dst[out + i] = Math.min(255, (pixels[src + i] ?? 0) * k);
      dst[out + i + 1] = Math.min(255, (pixels[src + i + 1] ?? 0) * k);
      dst[out + i + 2] = Math.min(255, (pixels[src + i + 2] ?? 0) * k);
      dst[out + i + 3] = a;
    }
  }
  ctx.putImageData(img, x, totalH - y - h);
}

export async function renderPng(
  renderer: THREE.WebGLRenderer,
  scene: THREE.Scene,
  engine: ViewerEngine,
  camera: ViewerCamera,
  o: PngRenderOptions,
): Promise<Blob> {
  const W = Math.round(Math.min(Math.max(o.width, 16), MAX_PNG_WIDTH));
  const H = Math.round(Math.min(Math.max(o.height, 16), MAX_PNG_WIDTH * 4));
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot create a 2D canvas for the export');
  const tile = Math.min(renderer.capabilities.maxTextureSize, 2048);
  const rt = new THREE.WebGLRenderTarget(tile, tile, { depthBuffer: true });
  const pixels = new Uint8Array(tile * tile * 4);
  const prev = {
    target: renderer.getRenderTarget(),
    clear: renderer.getClearColor(new THREE.Color()),
    alpha: renderer.getClearAlpha(),
    autoClear: renderer.autoClear,
    point: engine.connectorMat.uniforms.uPointSize.value,
    marker: engine.markerSize,
    highlight: engine.palette.uniforms.uHighlight.value,
  };
  const lineUniform = (engine.lines.material as THREE.ShaderMaterial).uniforms.uOffsetNdc;
  const layers = [
    engine.lines.group,
    engine.somata.group,
    engine.connectors.group,
    engine.volumes,
    engine.markers,
  ];
  const visible = layers.map((l) => l.visible);
  const [bg, bgAlpha] = BACKGROUNDS[o.background];
  const offsets = diskOffsets(o.lineWidth);
  try {
    renderer.autoClear = false;
    // Figures are drawn at full detail: its geometry goes up now, all of it (a huge scene on
    // screen at coarse detail has not uploaded it yet).
    engine.sync(Infinity, 'full');
    engine.connectorMat.uniforms.uPointSize.value = prev.point * o.pointScale;
    engine.setMarkerSize(prev.marker * o.pointScale);
    engine.palette.uniforms.uHighlight.value = -1;
    for (let y = 0; y < H; y += tile) {
      for (let x = 0; x < W; x += tile) {
        const w = Math.min(tile, W - x);
        const h = Math.min(tile, H - y);
        rt.setSize(w, h);
        // setViewOffset's y runs from the top; tiles are assembled bottom-up in GL order.
        camera.setViewOffset(W, H, x, H - y - h, w, h);
        // The screen's frame loop may have synced (and set its own detail) between tiles.
        engine.lines.setDetail('full');
        renderer.setRenderTarget(rt);
        renderer.setClearColor(bg, bgAlpha);
        renderer.clear();
        // Opaque pass: lines (widened) and somata; then the translucent / marker layers.
        layers.forEach((l, i) => (l.visible = (i === 0 || i === 1) && (visible[i] ?? true)));
        renderer.render(scene, camera);
        if (offsets.length && lineUniform) {
          layers.forEach((l, i) => (l.visible = i === 0 && (visible[i] ?? true)));
          for (const [dx, dy] of offsets) {
            lineUniform.value.set((2 * dx) / W, (2 * dy) / H);
            renderer.render(scene, camera);
          }
          lineUniform.value.set(0, 0);
        }
        layers.forEach((l, i) => (l.visible = i >= 2 && (visible[i] ?? true)));
        renderer.render(scene, camera);
        renderer.readRenderTargetPixels(rt, 0, 0, w, h, pixels);
        copyTile(ctx, pixels, x, y, w, h, H);
        // Let the page breathe between tiles of a big export.
        await new Promise((r) => setTimeout(r, 0));
      }
    }
  } finally {
    layers.forEach((l, i) => (l.visible = visible[i] ?? true));
    engine.sync();
    camera.clearViewOffset();
    renderer.setRenderTarget(prev.target);
    renderer.setClearColor(prev.clear, prev.alpha);
    renderer.autoClear = prev.autoClear;
    engine.connectorMat.uniforms.uPointSize.value = prev.point;
    engine.setMarkerSize(prev.marker);
    engine.palette.uniforms.uHighlight.value = prev.highlight;
    if (lineUniform) lineUniform.value.set(0, 0);
    rt.dispose();
  }
  o.overlay?.(ctx);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))),
      'image/png',
    ),
  );
}
