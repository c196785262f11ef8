/**
 * Annotations with a meta-annotation hierarchy three levels deep:
 * classification → cell type → PN → uPN, plus lineage, side, status and papers.
 */
import type { Rng } from './prng.ts';
import type { AnnotationLink, AnnotationMeta, CellType, NeuronMeta } from './types.ts';
import { ADMIN_USER_ID } from './users.ts';
import { DAY } from '../time-format.ts';
import { TIME_END, TIME_START } from './timeline.ts';

export interface NeuronFacts {
  neuron: NeuronMeta;
  subtype: string | null;
  lineage: string | null;
  /** complete | in progress | needs review */
  status: string;
  lastActivity: number;
}

const PAPER: Record<CellType, string> = {
  ORN: 'Berck 2016',
  PN: 'Berck 2016',
  LN: 'Berck 2016',
  KC: 'Eichler 2017',
  MBON: 'Eichler 2017',
  DAN: 'Eichler 2017',
  APL: 'Eichler 2017',
  MBIN: 'Eichler 2017',
};
const CIRCUIT: Record<CellType, string> = {
  ORN: 'olfactory circuit',
  PN: 'olfactory circuit',
  LN: 'olfactory circuit',
  KC: 'mushroom body circuit',
  MBON: 'mushroom body circuit',
  DAN: 'mushroom body circuit',
  APL: 'mushroom body circuit',
  MBIN: 'mushroom body circuit',
};

/** [annotation, its meta-annotation] pairs; order defines annotation IDs. */
const HIERARCHY: [string, string | null][] = [
  ['classification', null],
  ['cell type', 'classification'],
  ['lineage', 'classification'],
  ['side', 'classification'],
  ['status', 'classification'],
  ['papers', null],
  ['ORN', 'cell type'],
  ['PN', 'cell type'],
  ['LN', 'cell type'],
  ['KC', 'cell type'],
  ['MBON', 'cell type'],
  ['DAN', 'cell type'],
  ['APL', 'cell type'],
  ['MBIN', 'cell type'],
  ['uPN', 'PN'],
  ['KC-ab', 'KC'],
  ['KC-g', 'KC'],
  ["KC-a'b'", 'KC'],
  ['lPN', 'lineage'],
  ['adPN', 'lineage'],
  ['vPN', 'lineage'],
  ['BAlc', 'lineage'],
  ['MBp1', 'lineage'],
  ['MBp2', 'lineage'],
  ['MBp3', 'lineage'],
  ['MBp4', 'lineage'],
  ['left', 'side'],
  ['right', 'side'],
  ['complete', 'status'],
  ['in progress', 'status'],
  ['needs review', 'status'],
  ['Berck 2016', 'papers'],
  ['Eichler 2017', 'papers'],
  ['olfactory circuit', null],
  ['mushroom body circuit', null],
];

export function buildAnnotations(
  rng: Rng,
  firstId: number,
  facts: NeuronFacts[],
): { annotations: AnnotationMeta[]; links: AnnotationLink[] } {
  const annotations: AnnotationMeta[] = HIERARCHY.map(([name], k) => ({ id: firstId + k, name }));
  const idOf = new Map(annotations.map((a) => [a.name, a.id]));
  const id = (name: string): number => {
    const found = idOf.get(name);
    if (found === undefined) throw new Error(`unknown annotation ${name}`);
    return found;
  };
  const links: AnnotationLink[] = [];
  HIERARCHY.forEach(([name, meta], k) => {
    if (meta)
      links.push({
        entity: id(name),
        annotation: id(meta),
        user: ADMIN_USER_ID,
        time: TIME_START + 3600 + k * 60,
      });
  });
  for (const f of facts) {
    const n = f.neuron;
    const at = Math.min(n.created + rng.int(1, 5) * DAY + rng.int(0, 20_000), TIME_END);
    const names = [n.type, f.subtype, f.lineage, n.side, PAPER[n.type], CIRCUIT[n.type]];
    for (const name of names)
      if (name) links.push({ entity: n.neuronId, annotation: id(name), user: n.user, time: at });
    links.push({
      entity: n.neuronId,
      annotation: id(f.status),
      user: n.user,
      time: Math.min(f.lastActivity + 3600, TIME_END),
    });
  }
  return { annotations, links };
}
