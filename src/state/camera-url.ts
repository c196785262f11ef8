/**
 * The 3D camera in the URL, one key so it never collides with other views' keys:
 *
 *   cam = <p|o>,<px>,<py>,<pz>,<tx>,<ty>,<tz>,<ux>,<uy>,<uz>[,<zoom>]
 *
 *   p|o         perspective or orthographic projection
 *   px,py,pz    camera position, project coordinates in nm
 *   tx,ty,tz    orbit target (the point the camera looks at), nm
 *   ux,uy,uz    camera up vector (normalised when read)
 *   zoom        orthographic zoom factor (> 0), optional, default 1
 *
 * Anything missing, non-finite, out of range or degenerate (position = target, zero up vector)
 * parses to `null`: the viewer then frames the loaded neurons. Parsing never throws.
 */
export interface CameraUrlState {
  projection: 'perspective' | 'orthographic';
  position: [number, number, number];
  target: [number, number, number];
  up: [number, number, number];
  zoom: number;
}

export const CAMERA_URL_KEY = 'cam';
/** Coordinates beyond ±1e9 nm (1 m) are certainly garbage. */
const MAX_COORD = 1e9;

function round(v: number): string {
  return String(Math.round(v * 100) / 100);
}

export function parseCameraUrl(raw: string | null | undefined): CameraUrlState | null {
  if (typeof raw !== 'string' || raw.length > 400) return null;
  const parts = raw.split(',');
  if (parts.length !== 10 && parts.length !== 11) return null;
  const [kind, ...rest] = parts;
  if (kind !== 'p' && kind !== 'o') return null;
  const nums = rest.map((s) => (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s.trim()) ? Number(s) : NaN));
  if (nums.some((v) => !Number.isFinite(v) || Math.abs(v) > MAX_COORD)) return null;
  const [px = 0, py = 0, pz = 0, tx = 0, ty = 0, tz = 0, ux = 0, uy = 0, uz = 0, zoom = 1] = nums;
  const upLength = Math.hypot(ux, uy, uz);
  const distance = Math.hypot(px - tx, py - ty, pz - tz);
  if (upLength < 1e-6 || distance < 1e-6 || !(zoom > 0) || zoom > 1e6) return null;
  return {
    projection: kind === 'o' ? 'orthographic' : 'perspective',
    position: [px, py, pz],
    target: [tx, ty, tz],
    up: [ux / upLength, uy / upLength, uz / upLength],
    zoom,
  };
}

export function serializeCameraUrl(c: CameraUrlState): string {
  const values = [...c.position, ...c.target].map(round);
  const up = c.up.map((v) => String(Math.round(v * 1e4) / 1e4));
  const zoom = c.projection === 'orthographic' ? [String(Math.round(c.zoom * 1e4) / 1e4)] : [];
  return [c.projection === 'orthographic' ? 'o' : 'p', ...values, ...up, ...zoom].join(',');
}
