/**
 * Arbor growth: a persistent random walk for neurites (soma → target) and a branching process
 * for arbors inside a neuropil (tips extend, branch and terminate; a tip that leaves the
 * ellipsoid is steered back). Nodes are written straight into preallocated typed arrays.
 */
import type { NeuronPlan } from './catalog.ts';
import type { Region, Vec3 } from './layout.ts';
import { pointIn } from './layout.ts';
import type { Rng } from './prng.ts';

export const MIN_STEP = 310;
export const MAX_STEP = 990;

export class NodeStore {
  count = 0;
  readonly parent: Int32Array;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly z: Float32Array;
  readonly radius: Float32Array;
  readonly compartment: Uint8Array;

  constructor(capacity: number) {
    this.parent = new Int32Array(capacity);
    this.x = new Float32Array(capacity);
    this.y = new Float32Array(capacity);
    this.z = new Float32Array(capacity);
    this.radius = new Float32Array(capacity);
    this.compartment = new Uint8Array(capacity);
  }

  add(parent: number, p: Vec3, compartment: number, radius = -1): number {
    const i = this.count++;
    this.parent[i] = parent;
    // x/y on a 0.1 nm grid and z on the 50 nm sections, like nodes placed on image sections.
    this.x[i] = Math.round(p[0] * 10) / 10;
    this.y[i] = Math.round(p[1] * 10) / 10;
    this.z[i] = Math.round(p[2] / 50) * 50;
    this.radius[i] = radius;
    this.compartment[i] = compartment;
    return i;
  }

  pos(i: number): Vec3 {
    return [this.x[i] ?? 0, this.y[i] ?? 0, this.z[i] ?? 0];
  }
}

function normalise(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

function randomUnit(rng: Rng): Vec3 {
  return normalise([rng.normal(), rng.normal(), rng.normal()]);
}

function nodeRadius(rng: Rng): number {
  // Most nodes carry no radius (-1), as traced data does; a few have a measured calibre.
  return rng.chance(0.02) ? Math.round(rng.range(80, 400)) : -1;
}

function growPath(store: NodeStore, rng: Rng, from: number, to: Vec3, maxSteps: number): number {
  let cursor = from;
  for (let s = 0; s < maxSteps; s++) {
    const p = store.pos(cursor);
    const d: Vec3 = [to[0] - p[0], to[1] - p[1], to[2] - p[2]];
    if (Math.hypot(d[0], d[1], d[2]) < MAX_STEP) break;
    const len = Math.hypot(d[0], d[1], d[2]);
    const j = randomUnit(rng);
    const dir = normalise([
      d[0] / len + 0.3 * j[0],
      d[1] / len + 0.3 * j[1],
      d[2] / len + 0.3 * j[2],
    ]);
    const step = rng.range(MIN_STEP + 40, MAX_STEP - 40);
    cursor = store.add(
      cursor,
      [p[0] + dir[0] * step, p[1] + dir[1] * step, p[2] + dir[2] * step],
      0,
      nodeRadius(rng),
    );
  }
  return cursor;
}

function inside(region: Region, p: Vec3): number {
  const dx = (p[0] - region.centre[0]) / region.radii[0];
  const dy = (p[1] - region.centre[1]) / region.radii[1];
  const dz = (p[2] - region.centre[2]) / region.radii[2];
  return dx * dx + dy * dy + dz * dz;
}

interface Tip {
  node: number;
  dir: Vec3;
}

function growTuft(
  store: NodeStore,
  rng: Rng,
  entry: number,
  region: Region,
  budget: number,
  compartment: number,
): void {
  const first = store.count;
  const tips: Tip[] = [];
  const nStart = rng.int(2, 4);
  for (let k = 0; k < nStart; k++) tips.push({ node: entry, dir: randomUnit(rng) });
  for (let added = 0; added < budget; added++) {
    if (tips.length === 0) {
      // Re-sprout from a random existing arbor node so the budget is always spent.
      const from = added > 0 ? rng.int(first, store.count - 1) : entry;
      tips.push({ node: from, dir: randomUnit(rng) });
    }
    const ti = rng.int(0, tips.length - 1);
    const tip = tips[ti];
    if (!tip) break;
    const p = store.pos(tip.node);
    const j = randomUnit(rng);
    let dir: Vec3 = [
      tip.dir[0] * 0.85 + j[0] * 0.45,
      tip.dir[1] * 0.85 + j[1] * 0.45,
      tip.dir[2] * 0.85 + j[2] * 0.45,
    ];
    if (inside(region, p) > 0.8) {
      const back = normalise([
        region.centre[0] - p[0],
        region.centre[1] - p[1],
        region.centre[2] - p[2],
      ]);
      dir = [dir[0] + back[0] * 0.9, dir[1] + back[1] * 0.9, dir[2] + back[2] * 0.9];
    }
    dir = normalise(dir);
    const step = rng.range(MIN_STEP + 40, MAX_STEP - 40);
    const node = store.add(
      tip.node,
      [p[0] + dir[0] * step, p[1] + dir[1] * step, p[2] + dir[2] * step],
      compartment,
      nodeRadius(rng),
    );
    tip.node = node;
    tip.dir = dir;
    if (tips.length < 48 && rng.chance(0.045))
      tips.push({ node, dir: normalise([dir[0] + j[1], dir[1] + j[2], dir[2] + j[0]]) });
    if (rng.chance(0.035)) tips.splice(ti, 1);
  }
}

/** Grow one neuron; returns nothing, nodes are appended to the store (root first). */
export function growNeuron(store: NodeStore, rng: Rng, plan: NeuronPlan, stepBound: number): void {
  const soma = pointIn(rng, plan.soma);
  let cursor = store.add(-1, soma, 0, Math.round(rng.range(1_500, 3_000)));
  for (const step of plan.steps) {
    if (step.kind === 'path') cursor = growPath(store, rng, cursor, step.to, stepBound);
    else growTuft(store, rng, cursor, step.region, step.budget, step.compartment);
  }
}
