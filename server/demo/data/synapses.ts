/**
 * Synapses where arbors come close: a spatial hash grid over all input-capable nodes
 * (counting-sorted into typed arrays, so millions of nodes cost two Int32Arrays), then for a
 * sample of output-capable nodes a polyadic connector with 1–5 postsynaptic partner nodes on
 * other skeletons. Every count the server reports is later derived from this one link table.
 */
import type { Rng } from './prng.ts';
import type { ProjectArrays } from './types.ts';
import { TIME_END } from './timeline.ts';

const CELL = 1_200;
const RADIUS = 1_000;
const POST_COUNTS = [1, 1, 2, 2, 2, 3, 3, 4, 5];
const MAX_SCAN = 600;
const CELL_ORDER: [number, number, number][] = [];
for (let dx = -1; dx <= 1; dx++)
  for (let dy = -1; dy <= 1; dy++) for (let dz = -1; dz <= 1; dz++) CELL_ORDER.push([dx, dy, dz]);
CELL_ORDER.sort(
  (a, b) =>
    Math.abs(a[0]) +
    Math.abs(a[1]) +
    Math.abs(a[2]) -
    (Math.abs(b[0]) + Math.abs(b[1]) + Math.abs(b[2])),
);

export interface SynapseInput {
  n: number;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
  compartment: Uint8Array;
  skelOfNode: Int32Array;
  created: Uint32Array;
  creator: Uint8Array;
}

/** The connector and link columns of the project arrays, as placed here. */
export type SynapseOutput = Pick<
  ProjectArrays,
  | 'cx'
  | 'cy'
  | 'cz'
  | 'connCreator'
  | 'connCreated'
  | 'connLinkStart'
  | 'linkNode'
  | 'linkRelation'
  | 'linkConfidence'
  | 'linkCreator'
  | 'linkCreated'
>;

const cellKey = (ix: number, iy: number, iz: number, mask: number): number =>
  ((Math.imul(ix, 73856093) ^ Math.imul(iy, 19349663) ^ Math.imul(iz, 83492791)) >>> 0) & mask;

function buildGrid(inp: SynapseInput): { start: Int32Array; items: Int32Array; mask: number } {
  let size = 1024;
  while (size < inp.n) size *= 2;
  const mask = size - 1;
  const keys = new Int32Array(inp.n).fill(-1);
  const start = new Int32Array(size + 1);
  for (let i = 0; i < inp.n; i++) {
    const c = inp.compartment[i] ?? 0;
    if (c !== 1 && c !== 3) continue;
    const k = cellKey(
      Math.floor((inp.x[i] ?? 0) / CELL),
      Math.floor((inp.y[i] ?? 0) / CELL),
      Math.floor((inp.z[i] ?? 0) / CELL),
      mask,
    );
    keys[i] = k;
    start[k + 1] = (start[k + 1] ?? 0) + 1;
  }
  for (let k = 0; k < size; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const fill = start.slice(0, size);
  const items = new Int32Array(start[size] ?? 0);
  for (let i = 0; i < inp.n; i++) {
    const k = keys[i] ?? 0;
    if (k < 0) continue;
    const at = fill[k] ?? 0;
    fill[k] = at + 1;
    items[at] = i;
  }
  return { start, items, mask };
}

export function placeSynapses(rng: Rng, inp: SynapseInput, rate: number): SynapseOutput {
  const grid = buildGrid(inp);
  const cx: number[] = [],
    cy: number[] = [],
    cz: number[] = [],
    cUser: number[] = [],
    cTime: number[] = [],
    cStart: number[] = [0];
  const lNode: number[] = [],
    lRel: number[] = [],
    lConf: number[] = [],
    lUser: number[] = [],
    lTime: number[] = [];
  const found = new Int32Array(64);
  const link = (node: number, rel: number, user: number, time: number): void => {
    lNode.push(node);
    lRel.push(rel);
    lConf.push(rng.chance(0.93) ? 5 : rng.int(1, 4));
    lUser.push(user);
    lTime.push(Math.min(time, TIME_END));
  };
  for (let i = 0; i < inp.n; i++) {
    const comp = inp.compartment[i] ?? 0;
    if (comp !== 2 && comp !== 3) continue;
    if (!rng.chance(comp === 2 ? rate : rate * 0.6)) continue;
    const px = inp.x[i] ?? 0,
      py = inp.y[i] ?? 0,
      pz = inp.z[i] ?? 0;
    const skel = inp.skelOfNode[i] ?? 0;
    let nFound = 0;
    const ix = Math.floor(px / CELL),
      iy = Math.floor(py / CELL),
      iz = Math.floor(pz / CELL);
    // Nearest cells first, and a cap on scanned nodes: in dense neuropils (scale 10) an
    // unbounded scan made synapse placement quadratic in the node count.
    let scanned = 0;
    for (const [dx, dy, dz] of CELL_ORDER) {
      if (nFound >= found.length || scanned >= MAX_SCAN) break;
      const k = cellKey(ix + dx, iy + dy, iz + dz, grid.mask);
      const end = grid.start[k + 1] ?? 0;
      for (
        let q = grid.start[k] ?? 0;
        q < end && nFound < found.length && scanned < MAX_SCAN;
        q++
      ) {
        scanned++;
        const j = grid.items[q] ?? 0;
        if (inp.skelOfNode[j] === skel) continue;
        const ex = (inp.x[j] ?? 0) - px,
          ey = (inp.y[j] ?? 0) - py,
          ez = (inp.z[j] ?? 0) - pz;
        if (ex * ex + ey * ey + ez * ez <= RADIUS * RADIUS) found[nFound++] = j;
      }
    }
    if (nFound === 0) continue;
    const k = Math.min(rng.pick(POST_COUNTS), nFound);
    for (let a = 0; a < k; a++) {
      const b = rng.int(a, nFound - 1);
      const t = found[a] ?? 0;
      found[a] = found[b] ?? 0;
      found[b] = t;
    }
    let mx = 0,
      my = 0,
      mz = 0;
    for (let a = 0; a < k; a++) {
      mx += (inp.x[found[a] ?? 0] ?? 0) / k;
      my += (inp.y[found[a] ?? 0] ?? 0) / k;
      mz += (inp.z[found[a] ?? 0] ?? 0) / k;
    }
    cx.push(Math.round((px + (mx - px) * 0.35) * 10) / 10);
    cy.push(Math.round((py + (my - py) * 0.35) * 10) / 10);
    cz.push(Math.round((pz + (mz - pz) * 0.35) / 50) * 50);
    const user = inp.creator[i] ?? 0;
    const time = Math.min((inp.created[i] ?? 0) + rng.int(5, 90), TIME_END);
    cUser.push(user);
    cTime.push(time);
    link(i, 0, user, time);
    for (let a = 0; a < k; a++) {
      const j = found[a] ?? 0;
      link(j, 1, inp.creator[j] ?? 0, Math.max(time, inp.created[j] ?? 0) + rng.int(5, 90));
    }
    cStart.push(lNode.length);
  }
  return {
    cx: Float32Array.from(cx),
    cy: Float32Array.from(cy),
    cz: Float32Array.from(cz),
    connCreator: Uint8Array.from(cUser),
    connCreated: Uint32Array.from(cTime),
    connLinkStart: Int32Array.from(cStart),
    linkNode: Int32Array.from(lNode),
    linkRelation: Uint8Array.from(lRel),
    linkConfidence: Uint8Array.from(lConf),
    linkCreator: Uint8Array.from(lUser),
    linkCreated: Uint32Array.from(lTime),
  };
}
