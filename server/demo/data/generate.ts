/**
 * Generates one demo project from a seed: plans neurons, grows arbors, assigns work sessions,
 * reviews and tags, places synapses, and builds annotations and volumes.
 */
import { BASE_COUNTS, maxNodes, planNeuron, type NeuronPlan } from './catalog.ts';
import { NodeStore, growNeuron } from './grow.ts';
import { BRAIN_SIZE, NEUROPILS, sideRegion } from './layout.ts';
import { createRng, forkRng, type Rng } from './prng.ts';
import { placeSynapses } from './synapses.ts';
import {
  LABELS,
  TIME_START,
  planReviews,
  randomStart,
  traceSessions,
  nextSession,
} from './timeline.ts';
import { buildAnnotations, type NeuronFacts } from './annotations.ts';
import type { CellType, GeneratedProject, NeuronMeta, ProjectArrays, VolumeMeta } from './types.ts';
import { ADMIN_USER_ID, TRACER_IDS } from './users.ts';

export interface ProjectSpec {
  id: number;
  title: string;
  comment: string;
  stackId: number;
  stackTitle: string;
  /** Neurons per side and cell type. */
  counts: Record<CellType, number>;
  /** Arbor size factor. */
  size: number;
  entityBase: number;
  nodeBase: number;
  linkBase: number;
  reviewBase: number;
  firstVolumeId: number;
  seed: number;
}

export function scaledCounts(scale: number): Record<CellType, number> {
  const out = { ...BASE_COUNTS };
  for (const key of Object.keys(out) as CellType[])
    out[key] = Math.max(1, Math.round(BASE_COUNTS[key] * scale));
  return out;
}

const ORDER: CellType[] = ['ORN', 'PN', 'LN', 'KC', 'MBON', 'DAN', 'APL', 'MBIN'];
const SIDES = ['left', 'right'] as const;

function roundUpMillion(n: number): number {
  return Math.ceil((n + 1) / 1_000_000) * 1_000_000;
}

interface Planned {
  plan: NeuronPlan;
  side: 'left' | 'right';
}

function planAll(rng: Rng, spec: ProjectSpec): Planned[] {
  const out: Planned[] = [];
  for (const type of ORDER)
    for (const side of SIDES)
      for (let i = 0; i < spec.counts[type]; i++)
        out.push({ plan: planNeuron(type, i, side, spec.size, rng.next()), side });
  return out;
}

export function generateProject(spec: ProjectSpec): GeneratedProject {
  const rng = createRng(spec.seed);
  const planned = planAll(rng, spec);
  const capacity = planned.reduce((sum, p) => sum + maxNodes(p.plan), 0);
  const store = new NodeStore(capacity);
  const skelNodeStart = new Int32Array(planned.length + 1);
  planned.forEach(({ plan, side }, s) => {
    const a = store.count;
    growNeuron(store, forkRng(rng), plan, 4_000);
    // Right-side neurons are grown on the left and mirrored, so both sides match.
    if (side === 'right')
      for (let i = a; i < store.count; i++) store.x[i] = BRAIN_SIZE[0] - (store.x[i] ?? 0);
    skelNodeStart[s + 1] = store.count;
  });
  const n = store.count;
  const times = {
    creator: new Uint8Array(n),
    editor: new Uint8Array(n),
    created: new Uint32Array(n),
    edited: new Uint32Array(n),
    confidence: new Uint8Array(n),
  };
  const skelOfNode = new Int32Array(n);
  const hasChild = new Uint8Array(n);
  for (let i = 0; i < n; i++) if ((store.parent[i] ?? 0) >= 0) hasChild[store.parent[i] ?? 0] = 1;
  const rv = { node: [] as number[], user: [] as number[], time: [] as number[] };
  const tg = {
    node: [] as number[],
    label: [] as number[],
    user: [] as number[],
    time: [] as number[],
  };
  const neurons: NeuronMeta[] = [];
  const facts: NeuronFacts[] = [];
  planned.forEach(({ plan, side }, s) => {
    const r = forkRng(rng);
    const a = skelNodeStart[s] ?? 0;
    const b = skelNodeStart[s + 1] ?? 0;
    skelOfNode.fill(s, a, b);
    const main = r.pick(TRACER_IDS);
    const others = TRACER_IDS.filter((u) => u !== main);
    const helpers = [r.pick(others), r.pick(others)];
    const start = randomStart(r);
    const last = traceSessions(r, times, a, b, main, helpers, start);
    const reviews = planReviews(r, a, b, last, others);
    const cursor = reviews.map((p) => p.start);
    const sessionEnd = reviews.map((p) => p.start + r.int(2, 4) * 3600);
    for (let i = a; i < b; i++) {
      reviews.forEach((p, k) => {
        if (i < p.from || i >= p.to) return;
        let t = (cursor[k] ?? 0) + r.int(2, 6);
        if (t > (sessionEnd[k] ?? 0)) {
          t = nextSession(r, t, r.int(1, 4));
          sessionEnd[k] = t + r.int(2, 4) * 3600;
        }
        cursor[k] = t;
        rv.node.push(i);
        rv.user.push(p.reviewer);
        rv.time.push(t);
      });
      const labels: number[] = [];
      if (i === a) labels.push(0);
      else if (!hasChild[i]) {
        if (r.chance(0.5)) labels.push(1);
        else if (r.chance(0.06)) labels.push(2);
      }
      if (i !== a && r.chance(0.004)) labels.push(3);
      for (const label of labels) {
        tg.node.push(i);
        tg.label.push(label);
        tg.user.push(times.creator[i] ?? 0);
        tg.time.push((times.created[i] ?? 0) + r.int(2, 30));
      }
    }
    const skeletonId = spec.entityBase + 2 * s;
    const neuron: NeuronMeta = {
      skeletonId,
      neuronId: skeletonId + 1,
      name: plan.name,
      type: plan.type,
      side,
      user: main,
      created: times.created[a] ?? 0,
    };
    neurons.push(neuron);
    const reviewed =
      reviews.length === 0
        ? 'in progress'
        : reviews.some((p) => p.from === a && p.to === b)
          ? 'complete'
          : 'needs review';
    const lastActivity = Math.max(last, ...cursor);
    facts.push({
      neuron,
      subtype: plan.subtype,
      lineage: plan.lineage,
      status: reviewed,
      lastActivity,
    });
  });
  const syn = placeSynapses(
    rng,
    {
      n,
      x: store.x,
      y: store.y,
      z: store.z,
      compartment: store.compartment,
      skelOfNode,
      created: times.created,
      creator: times.creator,
    },
    spec.size < 1 ? 0.06 : 0.02,
  );
  const firstAnnotationId = spec.entityBase + 2 * planned.length + 10;
  const { annotations, links } = buildAnnotations(rng, firstAnnotationId, facts);
  const labelBase = firstAnnotationId + annotations.length + 10;
  const volumes: VolumeMeta[] = [];
  for (const key of ['AL', 'CA', 'LH', 'ML'] as const)
    for (const side of SIDES) {
      const r = sideRegion(NEUROPILS[key], side);
      volumes.push({
        id: spec.firstVolumeId + volumes.length,
        name: `${NEUROPILS[key].name} ${side}`,
        comment: `Synthetic ${NEUROPILS[key].name} (${side}): an ellipsoid around the arbors that grow into it.`,
        user: ADMIN_USER_ID,
        created: TIME_START + 5400 + volumes.length * 60,
        centre: r.centre,
        radii: [r.radii[0] * 1.12, r.radii[1] * 1.12, r.radii[2] * 1.12],
      });
    }
  const arrays: ProjectArrays = {
    skelNodeStart,
    parent: store.parent.slice(0, n),
    x: store.x.slice(0, n),
    y: store.y.slice(0, n),
    z: store.z.slice(0, n),
    radius: store.radius.slice(0, n),
    compartment: store.compartment.slice(0, n),
    ...times,
    ...syn,
    reviewNode: Int32Array.from(rv.node),
    reviewer: Uint8Array.from(rv.user),
    reviewTime: Uint32Array.from(rv.time),
    tagNode: Int32Array.from(tg.node),
    tagLabel: Uint8Array.from(tg.label),
    tagCreator: Uint8Array.from(tg.user),
    tagTime: Uint32Array.from(tg.time),
  };
  const dims: [number, number, number] = [
    Math.ceil(BRAIN_SIZE[0] / 3.8),
    Math.ceil(BRAIN_SIZE[1] / 3.8),
    Math.ceil(BRAIN_SIZE[2] / 50),
  ];
  return {
    meta: {
      id: spec.id,
      title: spec.title,
      comment: spec.comment,
      stack: {
        id: spec.stackId,
        title: spec.stackTitle,
        comment:
          'Synthetic larval CNS at 3.8x3.8x50 nm. Stack metadata only; no image tiles are served.',
        dimension: dims,
      },
      nodeBase: spec.nodeBase,
      connectorBase: spec.nodeBase + roundUpMillion(n),
      linkBase: spec.linkBase,
      reviewBase: spec.reviewBase,
      neurons,
      annotations,
      annotationLinks: links,
      labels: LABELS.map((name, k) => ({ id: labelBase + k, name })),
      volumes,
      relationIds: { presynaptic_to: 11, postsynaptic_to: 12, labeled_as: 13 },
    },
    arrays,
  };
}
