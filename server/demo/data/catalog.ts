/**
 * Cell types of the synthetic larval olfactory / mushroom-body circuit: names in CATMAID style,
 * and the growth programme of each type (soma cluster → paths → arbors in neuropils).
 */
import type { CellType } from './types.ts';
import { NEUROPILS, SOMA_CLUSTERS, subRegion } from './layout.ts';
import {
  COMPARTMENT,
  GLOMERULI,
  KC_CLASSES,
  LN_NAMES,
  MBIN_NAMES,
  MB_COMPARTMENTS,
  ODORANT_RECEPTORS,
  PN_LINEAGES,
  glomerulus,
  mbCompartment,
  pad3,
  replicate,
} from './cell-names.ts';

import type { NeuronPlan } from './cell-names.ts';

export { BASE_COUNTS } from './cell-names.ts';
export type { NeuronPlan } from './cell-names.ts';

/**
 * Growth programme of neuron number `i` (per side) of a cell type. `size` scales the arbors
 * (the mini project uses smaller neurons); `jitter` in [0,1) varies sizes between neurons.
 */
export function planNeuron(
  type: CellType,
  i: number,
  side: string,
  size: number,
  jitter: number,
): NeuronPlan {
  const b = (n: number): number => Math.max(20, Math.round(n * size * (0.75 + 0.5 * jitter)));
  const soma = SOMA_CLUSTERS[type] ?? NEUROPILS.AL;
  const al = NEUROPILS.AL;
  const ca = NEUROPILS.CA;
  const lh = NEUROPILS.LH;
  const ml = NEUROPILS.ML;
  switch (type) {
    case 'ORN': {
      const g = i % ODORANT_RECEPTORS.length;
      const name = replicate(
        `ORN ${ODORANT_RECEPTORS[g]} ${side}`,
        Math.floor(i / ODORANT_RECEPTORS.length),
      );
      const glom = glomerulus(g);
      return {
        type,
        name,
        subtype: null,
        lineage: null,
        soma,
        steps: [
          { kind: 'path', to: glom.centre },
          { kind: 'tuft', region: glom, budget: b(750), compartment: COMPARTMENT.axon },
        ],
      };
    }
    case 'PN': {
      const g = i % GLOMERULI.length;
      const lineage = PN_LINEAGES[g % PN_LINEAGES.length] ?? 'lPN';
      const name = replicate(
        `PN ${GLOMERULI[g]} ${lineage} ${side}`,
        Math.floor(i / GLOMERULI.length),
      );
      const glom = glomerulus(g);
      return {
        type,
        name,
        subtype: 'uPN',
        lineage,
        soma,
        steps: [
          { kind: 'path', to: glom.centre },
          { kind: 'tuft', region: glom, budget: b(1_300), compartment: COMPARTMENT.dendrite },
          { kind: 'path', to: [ca.centre[0] + 2_000, ca.centre[1] + 3_000, ca.centre[2]] },
          { kind: 'tuft', region: ca, budget: b(700), compartment: COMPARTMENT.axon },
          { kind: 'path', to: lh.centre },
          { kind: 'tuft', region: lh, budget: b(1_200), compartment: COMPARTMENT.axon },
        ],
      };
    }
    case 'LN': {
      const name = replicate(
        `LN ${LN_NAMES[i % LN_NAMES.length]} ${side}`,
        Math.floor(i / LN_NAMES.length),
      );
      return {
        type,
        name,
        subtype: null,
        lineage: 'BAlc',
        soma,
        steps: [
          { kind: 'path', to: al.centre },
          { kind: 'tuft', region: al, budget: b(8_500), compartment: COMPARTMENT.mixed },
        ],
      };
    }
    case 'KC': {
      const cls = KC_CLASSES[i % KC_CLASSES.length] ?? 'KC-ab';
      const lobe = mbCompartment(i);
      return {
        type,
        name: `${cls} ${pad3(i + 1)} ${side}`,
        subtype: cls,
        lineage: `MBp${(i % 4) + 1}`,
        soma,
        steps: [
          { kind: 'path', to: ca.centre },
          {
            kind: 'tuft',
            region: subRegion(ca, [0, 0, 0], 5_000),
            budget: b(450),
            compartment: COMPARTMENT.dendrite,
          },
          { kind: 'path', to: ml.centre },
          {
            kind: 'tuft',
            region: { centre: ml.centre, radii: [ml.radii[0], 3_000, 3_000] },
            budget: b(500),
            compartment: COMPARTMENT.axon,
          },
          { kind: 'tuft', region: lobe, budget: b(350), compartment: COMPARTMENT.axon },
        ],
      };
    }
    case 'MBON': {
      const k = i % MB_COMPARTMENTS.length;
      const comp = mbCompartment(k);
      // Two MBONs per side are the giants (> 20k nodes) that the performance budget is about.
      const big = k === 0 || k === 3 ? 21_500 : 12_000;
      return {
        type,
        name: replicate(
          `MBON-${MB_COMPARTMENTS[k]} ${side}`,
          Math.floor(i / MB_COMPARTMENTS.length),
        ),
        subtype: null,
        lineage: null,
        soma,
        steps: [
          { kind: 'path', to: comp.centre },
          { kind: 'tuft', region: comp, budget: b(big), compartment: COMPARTMENT.dendrite },
          { kind: 'path', to: lh.centre },
          { kind: 'tuft', region: lh, budget: b(2_500), compartment: COMPARTMENT.mixed },
        ],
      };
    }
    case 'DAN': {
      const comp = mbCompartment(i + 1);
      return {
        type,
        name: `DAN PAM-${String(i + 1).padStart(2, '0')} ${side}`,
        subtype: null,
        lineage: null,
        soma,
        steps: [
          { kind: 'path', to: comp.centre },
          { kind: 'tuft', region: comp, budget: b(5_000), compartment: COMPARTMENT.mixed },
        ],
      };
    }
    case 'APL':
      return {
        type,
        name: replicate(`APL ${side}`, i),
        subtype: null,
        lineage: null,
        soma,
        steps: [
          { kind: 'path', to: ml.centre },
          { kind: 'tuft', region: ml, budget: b(16_000), compartment: COMPARTMENT.mixed },
          { kind: 'path', to: ca.centre },
          { kind: 'tuft', region: ca, budget: b(10_000), compartment: COMPARTMENT.mixed },
        ],
      };
    case 'MBIN': {
      const comp = mbCompartment(i * 3);
      return {
        type,
        name: replicate(
          `${MBIN_NAMES[i % MBIN_NAMES.length]} ${side}`,
          Math.floor(i / MBIN_NAMES.length),
        ),
        subtype: null,
        lineage: null,
        soma,
        steps: [
          { kind: 'path', to: comp.centre },
          { kind: 'tuft', region: comp, budget: b(2_500), compartment: COMPARTMENT.mixed },
          { kind: 'path', to: ca.centre },
          { kind: 'tuft', region: ca, budget: b(1_500), compartment: COMPARTMENT.mixed },
        ],
      };
    }
  }
}

/** Upper bound of the nodes a plan can produce (paths step at least 310 nm). */
export function maxNodes(plan: NeuronPlan): number {
  let n = 1;
  let from = plan.soma.centre;
  const extra = 20_000; // soma spread and path jitter
  for (const step of plan.steps) {
    if (step.kind === 'tuft') n += step.budget;
    else {
      const d =
        Math.hypot(step.to[0] - from[0], step.to[1] - from[1], step.to[2] - from[2]) + extra;
      n += Math.ceil(d / 310) * 2 + 4;
      from = step.to;
    }
  }
  return n;
}
