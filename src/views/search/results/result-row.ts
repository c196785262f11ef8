/** One row of the search results: a skeleton with its neuron's name and annotations. */
export interface ResultRow {
  skeletonId: number;
  /** null when the row came from an id list (the neuron id is not needed there). */
  neuronId: number | null;
  name: string;
  annotations: { id: number; name: string }[];
}
