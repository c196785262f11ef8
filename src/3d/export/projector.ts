/** Project-space (nm) → figure pixels, from a camera's combined projection × view matrix. */
import { formatMicrons } from '../../lib/format.ts';
export interface Projector {
  width: number;
  height: number;
  /** [x, y] in px (y down), or null behind the camera. */
  project(x: number, y: number, z: number): [number, number] | null;
  /** Pixels per nm at a point (for soma radii and the scale bar). */
  pxPerNm(x: number, y: number, z: number): number;
}

/** `m` = projectionMatrix × matrixWorldInverse, column-major (three.js `elements`). */
export function matrixProjector(
  m: ArrayLike<number>,
  width: number,
  height: number,
  right: [number, number, number],
): Projector {
  const e = (i: number) => m[i] ?? 0;
  const project = (x: number, y: number, z: number): [number, number] | null => {
    const w = e(3) * x + e(7) * y + e(11) * z + e(15);
    if (w <= 1e-9) return null;
    const cx = (e(0) * x + e(4) * y + e(8) * z + e(12)) / w;
    const cy = (e(1) * x + e(5) * y + e(9) * z + e(13)) / w;
    return [((cx + 1) / 2) * width, ((1 - cy) / 2) * height];
  };
  return {
    width,
    height,
    project,
    pxPerNm(x, y, z) {
      const a = project(x, y, z);
      const unit = 1000;
      const b = project(x + right[0] * unit, y + right[1] * unit, z + right[2] * unit);
      if (!a || !b) return 0;
      return Math.hypot(b[0] - a[0], b[1] - a[1]) / unit;
    },
  };
}

/** A round length (1, 2 or 5 × 10^k nm) close to `targetPx` on screen, and its label. */
export function niceScaleBar(
  pxPerNm: number,
  targetPx: number,
): { nm: number; px: number; label: string } | null {
  if (!(pxPerNm > 0) || !Number.isFinite(pxPerNm)) return null;
  const raw = targetPx / pxPerNm;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const nm = [5, 2, 1].map((f) => f * pow).find((v) => v <= raw) ?? pow;
  const label = nm >= 1000 ? formatMicrons(nm, 3) : `${nm} nm`;
  return { nm, px: nm * pxPerNm, label };
}
