/**
 * Project 3, "Demo lab": CATMAID at lab size for the benchmark (1,000 neurons of ~10,000 nodes
 * each, over 10 million nodes in total), like the replicated real L3 larva neurons issue 14 was
 * measured against. Only generated when asked for (DEMO_LAB=1): it takes ~15 s and ~400 MB, which
 * e2e start-up and the other projects must not pay. It has its own seed stream and its own ID
 * ranges far above projects 1 and 2, so those stay exactly as they are; cached on disk on its own.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialise, serialise } from './cache.ts';
import { generateProject } from './generate.ts';
import type { CellType, DemoUser, GeneratedProject } from './types.ts';

export const LAB_PROJECT_ID = 3;
const LAB_VERSION = 1;

/** Neurons per side: the big arbor types, 500 a side (KCs and ORNs are small, so few). */
const LAB_COUNTS: Record<CellType, number> = {
  ORN: 0,
  PN: 100,
  LN: 150,
  KC: 20,
  MBON: 60,
  DAN: 100,
  APL: 10,
  MBIN: 60,
};

function generateLabProject(seed: number): GeneratedProject {
  return generateProject({
    id: LAB_PROJECT_ID,
    title: 'Demo lab (synthetic, 10M nodes)',
    comment:
      'A lab-sized synthetic project for benchmarks: 1,000 neurons with real-sized arbors (about 10,000 nodes each).',
    stackId: 3,
    stackTitle: 'Demo lab CNS (placeholder, no tiles)',
    counts: LAB_COUNTS,
    // Arbors 1.4x the larva project's: ~10,300 nodes per neuron on average.
    size: 1.4,
    entityBase: 50_000_000,
    nodeBase: 100_000_000,
    linkBase: 50_000_000,
    reviewBase: 50_000_000,
    firstVolumeId: 100,
    // A stream of its own: no draw of projects 1 and 2 moves.
    seed: (seed ^ 0x1ab5ca1e) >>> 0,
  });
}

/** The lab project from the disk cache, or generated (and cached). */
export function loadOrGenerateLab(
  seed: number,
  users: DemoUser[],
  cacheDir: string | null,
): { project: GeneratedProject; source: 'cache' | 'generated'; ms: number } {
  const t0 = performance.now();
  const file = cacheDir ? join(cacheDir, `lab-v${LAB_VERSION}-seed-${seed}.bin`) : null;
  if (file && existsSync(file)) {
    try {
      const project = deserialise(readFileSync(file)).projects[0];
      if (project) return { project, source: 'cache', ms: performance.now() - t0 };
    } catch {
      // A truncated or stale cache file is simply regenerated below.
    }
  }
  const project = generateLabProject(seed);
  if (file) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, serialise({ seed, scale: 0, users, projects: [project] }));
      renameSync(tmp, file);
    } catch {
      // Caching is an optimisation: a read-only checkout still serves generated data.
    }
  }
  return { project, source: 'generated', ms: performance.now() - t0 };
}
