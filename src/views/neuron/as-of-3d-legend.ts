/**
 * The as-of 3D view's colours and legend: which colour is which class of edge, with the number of
 * nodes in each class (shown on the page and drawn into the PNG export, so a figure says what
 * its colours mean on its own).
 */
import type { AsOfChanges, EdgeChange } from '../../analysis/neuron/as-of-changes.ts';
import { formatCount } from '../../lib/format.ts';

export const GONE_COLOUR = '#d62728';
export const ADDED_COLOUR = '#b4b4b4';
export const EDGE_CLASSES: readonly EdgeChange[] = ['kept', 'gone', 'added'];

export interface LegendEntry {
  change: EdgeChange;
  colour: string;
  label: string;
}

const nodes = (n: number) => `${formatCount(n)} ${n === 1 ? 'node' : 'nodes'}`;

/** `day` null: today's skeleton alone, one entry. `showToday` false leaves out the grey entry. */
export function asOfLegend(
  changes: AsOfChanges,
  day: string | null,
  neuronColour: string,
  showToday: boolean,
): LegendEntry[] {
  const c = changes.nodeCounts;
  if (day === null)
    return [{ change: 'kept', colour: neuronColour, label: `Today's skeleton: ${nodes(c.kept)}` }];
  const out: LegendEntry[] = [
    {
      change: 'kept',
      colour: neuronColour,
      label: `Unchanged since ${day}: ${nodes(c.kept)}`,
    },
    {
      change: 'gone',
      colour: GONE_COLOUR,
      label: `There on ${day}, gone or moved now: ${nodes(c.deleted)} deleted or split off, ${nodes(c.changed)} moved or reparented`,
    },
  ];
  if (showToday)
    out.push({
      change: 'added',
      colour: ADDED_COLOUR,
      label: `Today's skeleton, not there on ${day}: ${nodes(c.added)} added (and the new places of moved ones)`,
    });
  return out;
}

export function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16) || 0;
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}
