/**
 * Optional bulk of small fragment skeletons (`DEMO_FRAGMENTS=N`), as real projects have tens of
 * thousands of them: N extra neurons "fragment 000001"… of 2–10 nodes each, annotated with one of
 * ⌈N/3⌉ "tracing batch …" annotations (so N = 50,000 also gives ~16,700 annotations). They exist
 * to benchmark 50,000-row result tables and 16,000-annotation autocompletion; they have no
 * synapses, so they leave connectivity unchanged. N = 0 (the default) changes nothing.
 */
import type { AnnotationLink, AnnotationMeta, GeneratedProject, NeuronMeta } from './types.ts';
import { NEUROPILS, pointIn, sideRegion } from './layout.ts';
import { createRng } from './prng.ts';
import { TIME_END, TIME_START } from './timeline.ts';
import { TRACER_IDS } from './users.ts';

const SKELETON_BASE = 5_000_000;
const ANNOTATION_BASE = 4_000_000;
const REGIONS = Object.values(NEUROPILS);

function grow<T extends Float32Array | Int32Array | Uint8Array | Uint32Array>(
  a: T,
  extra: number,
): T {
  const out = new (a.constructor as new (n: number) => T)(a.length + extra);
  out.set(a);
  return out;
}

export function appendFragments(
  project: GeneratedProject,
  count: number,
  seed: number,
): GeneratedProject {
  if (count <= 0) return project;
  const rng = createRng((seed ^ 0x9e3779b9) >>> 0);
  const sizes = Array.from({ length: count }, () => rng.int(2, 10));
  const extra = sizes.reduce((a, b) => a + b, 0);
  const a = project.arrays;
  const n0 = a.parent.length;
  const arrays = { ...a };
  for (const key of [
    'parent',
    'x',
    'y',
    'z',
    'radius',
    'confidence',
    'compartment',
    'creator',
    'editor',
    'created',
    'edited',
  ] as const) {
    (arrays as Record<string, unknown>)[key] = grow(a[key], extra);
  }
  const starts = new Int32Array(a.skelNodeStart.length + count);
  starts.set(a.skelNodeStart);
  const batches = Math.ceil(count / 3);
  const annotations: AnnotationMeta[] = [{ id: ANNOTATION_BASE, name: 'fragment' }];
  for (let b = 0; b < batches; b++)
    annotations.push({
      id: ANNOTATION_BASE + 1 + b,
      name: `tracing batch ${String(b + 1).padStart(5, '0')}`,
    });
  const links: AnnotationLink[] = [];
  const neurons: NeuronMeta[] = [];
  let i = n0;
  const span = TIME_END - TIME_START;
  sizes.forEach((size, k) => {
    const user = rng.pick(TRACER_IDS);
    const t0 = TIME_START + Math.floor(rng.next() * span * 0.98);
    let [x, y, z] = pointIn(rng, sideRegion(rng.pick(REGIONS), rng.chance(0.5) ? 'left' : 'right'));
    for (let j = 0; j < size; j++, i++) {
      if (j > 0) {
        // A short random walk, 300–1,000 nm per step, as a tracer's first few clicks.
        const step = rng.range(300, 1000);
        const [dx, dy, dz] = [rng.range(-1, 1), rng.range(-1, 1), rng.range(-0.3, 0.3)];
        const len = Math.hypot(dx, dy, dz) || 1;
        x += (dx / len) * step;
        y += (dy / len) * step;
        z += (dz / len) * step;
      }
      arrays.parent[i] = j === 0 ? -1 : i - 1;
      arrays.x[i] = x;
      arrays.y[i] = y;
      arrays.z[i] = z;
      arrays.radius[i] = -1;
      arrays.confidence[i] = 5;
      arrays.creator[i] = user;
      arrays.editor[i] = user;
      arrays.created[i] = t0 + j * rng.int(3, 20);
      arrays.edited[i] = arrays.created[i] ?? t0;
    }
    starts[a.skelNodeStart.length + k] = i;
    const skeletonId = SKELETON_BASE + 2 * k;
    neurons.push({
      skeletonId,
      neuronId: skeletonId + 1,
      name: `fragment ${String(k + 1).padStart(6, '0')}`,
      type: 'KC',
      side: 'left',
      user,
      created: t0,
    });
    links.push({ entity: skeletonId + 1, annotation: ANNOTATION_BASE, user, time: t0 + 60 });
    links.push({
      entity: skeletonId + 1,
      annotation: ANNOTATION_BASE + 1 + Math.floor(k / 3),
      user,
      time: t0 + 61,
    });
  });
  arrays.skelNodeStart = starts;
  const meta = {
    ...project.meta,
    // Node ids are nodeBase + index: keep connector ids above the grown node range.
    connectorBase: Math.max(
      project.meta.connectorBase,
      project.meta.nodeBase + Math.ceil((n0 + extra + 1) / 1_000_000) * 1_000_000,
    ),
    neurons: [...project.meta.neurons, ...neurons],
    annotations: [...project.meta.annotations, ...annotations],
    annotationLinks: [...project.meta.annotationLinks, ...links],
  };
  return { meta, arrays };
}
