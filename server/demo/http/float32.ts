/** The demo server prints float32 coordinates as CATMAID (Postgres float4) does. */
export { shortFloat32 as f32 } from '../../../src/lib/float32.ts';
