/** The selection's data types, shared by the store, its persistence and its URL form. */

export interface SelectedSkeleton {
  skeletonId: number;
  /** Lowercase #rrggbb. */
  color: string;
  visible: boolean;
  /** 0..1 */
  opacity: number;
}

/** One group of a "colour by annotation" legend (also the neutral "no group" entry). */
export interface ColorLegendEntry {
  label: string;
  color: string;
  /** Neurons of the selection in this group. */
  count: number;
}

/** Synapses another view asked the 3D view to show (e.g. those between a pair of neurons). */
export interface ConnectorHighlight {
  /** What the highlight is about, shown in the 3D legend, e.g. "PN DA1 left → KC 012 left". */
  label: string;
  skeletonIds: number[];
  connectorIds: number[];
  /**
   * xyz (nm) of every synapse, flat: one per connector–partner link as CATMAID's partner counts
   * go (a polyadic connector onto two nodes of the partner counts twice), so the marker count
   * matches the table; drawn without waiting for any skeleton to load.
   */
  positions: number[];
  /** What the markers are, for the legend ("12 highlighted nodes"); default synapses. */
  unit?: 'synapses' | 'nodes';
}
