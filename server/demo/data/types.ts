/**
 * The generated demo data of one project: typed arrays for everything that scales with the
 * node count (so scale 10, i.e. millions of nodes, fits in memory and caches as raw bytes), and a
 * small JSON part for neurons, annotations, labels and volumes.
 *
 * IDs are implicit: node i has ID `nodeBase + i`, connector j `connectorBase + j`, and so on.
 * Times are whole UTC epoch seconds. Users are stored by their user ID (all below 256).
 */
export interface ProjectArrays {
  /** Per skeleton s: nodes `skelNodeStart[s] .. skelNodeStart[s+1]-1` (parents come first). */
  skelNodeStart: Int32Array;
  /** Per node: parent node index, -1 for the root. */
  parent: Int32Array;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
  radius: Float32Array;
  confidence: Uint8Array;
  /** Per node: 0 soma/neurite, 1 dendrite (input), 2 axon (output), 3 mixed. Drives synapses. */
  compartment: Uint8Array;
  creator: Uint8Array;
  editor: Uint8Array;
  created: Uint32Array;
  edited: Uint32Array;
  /** Per connector: location, creator, creation time; links `connLinkStart[j] ..` (pre first). */
  cx: Float32Array;
  cy: Float32Array;
  cz: Float32Array;
  connCreator: Uint8Array;
  connCreated: Uint32Array;
  connLinkStart: Int32Array;
  /** Per link (treenode_connector row): node index, relation 0 = pre / 1 = post. */
  linkNode: Int32Array;
  linkRelation: Uint8Array;
  linkConfidence: Uint8Array;
  linkCreator: Uint8Array;
  linkCreated: Uint32Array;
  /** Reviews, sorted by node index. */
  reviewNode: Int32Array;
  reviewer: Uint8Array;
  reviewTime: Uint32Array;
  /** Tag links, sorted by node index. */
  tagNode: Int32Array;
  tagLabel: Uint8Array;
  tagCreator: Uint8Array;
  tagTime: Uint32Array;
}

export type CellType = 'ORN' | 'PN' | 'LN' | 'KC' | 'MBON' | 'DAN' | 'APL' | 'MBIN';

export interface NeuronMeta {
  skeletonId: number;
  neuronId: number;
  name: string;
  type: CellType;
  side: 'left' | 'right';
  /** Main tracer (neuron creator). */
  user: number;
  created: number;
}

export interface AnnotationMeta {
  id: number;
  name: string;
}

/** One `annotated_with` link: entity (neuron or annotation ID) is annotated with `annotation`. */
export interface AnnotationLink {
  entity: number;
  annotation: number;
  user: number;
  time: number;
}

export interface VolumeMeta {
  id: number;
  name: string;
  comment: string;
  user: number;
  created: number;
  centre: [number, number, number];
  radii: [number, number, number];
}

interface StackMeta {
  id: number;
  title: string;
  comment: string;
  dimension: [number, number, number];
}

export interface ProjectMeta {
  id: number;
  title: string;
  comment: string;
  stack: StackMeta;
  nodeBase: number;
  connectorBase: number;
  linkBase: number;
  reviewBase: number;
  neurons: NeuronMeta[];
  annotations: AnnotationMeta[];
  annotationLinks: AnnotationLink[];
  labels: AnnotationMeta[];
  volumes: VolumeMeta[];
  relationIds: { presynaptic_to: number; postsynaptic_to: number; labeled_as: number };
}

export interface GeneratedProject {
  meta: ProjectMeta;
  arrays: ProjectArrays;
}

export interface DemoUser {
  id: number;
  login: string;
  firstName: string;
  lastName: string;
  color: [number, number, number];
}

export interface DemoDataset {
  seed: number;
  scale: number;
  users: DemoUser[];
  projects: GeneratedProject[];
}
