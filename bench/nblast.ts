/**
 * `npm run bench` (NBLAST part): the Similarity view's NBLAST of 100 demo neurons × 100 (project 1,
 * seed 1, scale 1, neurons spread over the project), in Node on one thread with the app's own
 * functions: dotprops (1 µm resampling, k = 5), then the forward matrix, without and with the
 * mirror option. Prints the times and checks the fast scorer against the exact one on a sample.
 * Env: BENCH_NBLAST_N (default 100), BENCH_NBLAST_EXACT=1 also times the exact scorer (slow).
 */
import { join } from 'node:path';
import { loadOrGenerate } from '../server/demo/data/cache.ts';
import {
  dotpropsOfSkeleton,
  midlineOf,
  mirroredDotprops,
  type Dotprops,
} from '../src/analysis/nblast/dotprops.ts';
import {
  exactNormalisedScore,
  indexDotprops,
  nblastRow,
} from '../src/analysis/nblast/nblast-score.ts';

const N = Number(process.env.BENCH_NBLAST_N ?? 100);
const withExact = process.env.BENCH_NBLAST_EXACT === '1';
const cacheDir = join(import.meta.dirname, '..', '.cache', 'demo-data');

/** CPU seconds of this process: steadier than wall time on a shared, loaded machine. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const t0 = performance.now();
const project = loadOrGenerate(1, 1, cacheDir).data.projects[0];
if (!project) throw new Error('no demo project');
const a = project.arrays;
const skeletons = a.skelNodeStart.length - 1;
const picks = Array.from({ length: Math.min(N, skeletons) }, (_, i) =>
  Math.floor((i * skeletons) / Math.min(N, skeletons)),
);
console.log(
  `demo data ${(performance.now() - t0).toFixed(0)} ms; ${picks.length} of ${skeletons} neurons`,
);

function shape(s: number): { parent: Int32Array; positions: Float32Array } {
  const from = a.skelNodeStart[s] ?? 0;
  const to = a.skelNodeStart[s + 1] ?? 0;
  const parent = new Int32Array(to - from);
  const positions = new Float32Array((to - from) * 3);
  for (let i = from; i < to; i++) {
    const p = a.parent[i] ?? -1;
    parent[i - from] = p < 0 ? -1 : p - from;
    positions[(i - from) * 3] = a.x[i] ?? 0;
    positions[(i - from) * 3 + 1] = a.y[i] ?? 0;
    positions[(i - from) * 3 + 2] = a.z[i] ?? 0;
  }
  return { parent, positions };
}

let t = performance.now();
let c = cpu();
const dps: Dotprops[] = picks.map((s) => {
  const { parent, positions } = shape(s);
  return dotpropsOfSkeleton(parent, positions, { stepUm: 1, k: 5 });
});
const points = dps.reduce((n, d) => n + d.points.length / 3, 0);
console.log(
  `dotprops: ${((performance.now() - t) / 1000).toFixed(2)} s (${(cpu() - c).toFixed(2)} s CPU, ${points} points)`,
);

function matrix(mirror: boolean): { s: number; cpu: number; rows: Float64Array[] } {
  const start = performance.now();
  const c0 = cpu();
  const indexed = dps.map(indexDotprops);
  const at = midlineOf(dps);
  const mirrored = mirror ? dps.map((d) => indexDotprops(mirroredDotprops(d, at))) : null;
  const rows = dps.map((q, i) => nblastRow(i, q, indexed, mirrored));
  return { s: (performance.now() - start) / 1000, cpu: cpu() - c0, rows };
}

for (const mirror of [false, true]) {
  const m = matrix(mirror);
  console.log(
    `scores ${N} × ${N}, mirror ${mirror ? 'on ' : 'off'}: ${m.s.toFixed(2)} s (${m.cpu.toFixed(2)} s CPU)`,
  );
}

if (withExact) {
  const indexed = dps.map(indexDotprops);
  const fast = matrix(false).rows;
  t = performance.now();
  c = cpu();
  let worst = 0;
  dps.forEach((q, i) =>
    indexed.forEach((target, j) => {
      if (i === j) return;
      const diff = Math.abs(exactNormalisedScore(q, target) - (fast[i]?.[j] ?? NaN));
      if (!(diff <= worst)) worst = diff;
    }),
  );
  console.log(
    `exact scorer, mirror off: ${((performance.now() - t) / 1000).toFixed(2)} s (${(cpu() - c).toFixed(2)} s CPU); largest |fast − exact| ${worst}`,
  );
}
