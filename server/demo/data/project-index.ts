/**
 * Read-side indexes over one generated project, built once at load: skeleton lookups,
 * per-skeleton link lists (CSR), review/tag ranges, cable lengths and annotation maps.
 * Handlers only read from here; nothing is ever written after construction.
 */
import type {
  AnnotationLink,
  DemoUser,
  GeneratedProject,
  NeuronMeta,
  ProjectArrays,
  ProjectMeta,
} from './types.ts';

function lowerBound(arr: Int32Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function groupBy<K>(
  links: AnnotationLink[],
  key: (l: AnnotationLink) => K,
): Map<K, AnnotationLink[]> {
  const out = new Map<K, AnnotationLink[]>();
  for (const l of links) {
    const k = key(l);
    const list = out.get(k);
    if (list) list.push(l);
    else out.set(k, [l]);
  }
  return out;
}

export class ProjectIndex {
  readonly meta: ProjectMeta;
  readonly a: ProjectArrays;
  readonly users: DemoUser[];
  readonly nSkel: number;
  readonly nNodes: number;
  readonly nConn: number;
  readonly skelById = new Map<number, number>();
  readonly skelByNeuronId = new Map<number, number>();
  readonly skelOfNode: Int32Array;
  readonly linkConn: Int32Array;
  readonly skelLinkStart: Int32Array;
  readonly skelLinks: Int32Array;
  readonly cable: Float64Array;
  readonly lastEdit: Uint32Array;
  readonly lastEditor: Uint8Array;
  readonly annotationName = new Map<number, string>();
  readonly annotationByName = new Map<string, number>();
  /** entity ID → its annotation links. */
  readonly annotationsOf: Map<number, AnnotationLink[]>;
  /** annotation ID → links of the entities it annotates. */
  readonly annotated: Map<number, AnnotationLink[]>;

  constructor(p: GeneratedProject, users: DemoUser[]) {
    this.meta = p.meta;
    this.a = p.arrays;
    this.users = users;
    const a = this.a;
    this.nSkel = p.meta.neurons.length;
    this.nNodes = a.parent.length;
    this.nConn = a.cx.length;
    p.meta.neurons.forEach((n, s) => {
      this.skelById.set(n.skeletonId, s);
      this.skelByNeuronId.set(n.neuronId, s);
    });
    this.skelOfNode = new Int32Array(this.nNodes);
    this.cable = new Float64Array(this.nSkel);
    this.lastEdit = new Uint32Array(this.nSkel);
    this.lastEditor = new Uint8Array(this.nSkel);
    for (let s = 0; s < this.nSkel; s++) {
      const [from, to] = this.nodeRange(s);
      this.skelOfNode.fill(s, from, to);
      let cable = 0;
      let last = 0;
      for (let i = from; i < to; i++) {
        const par = a.parent[i] ?? 0;
        if (par >= 0)
          cable += Math.hypot(
            (a.x[i] ?? 0) - (a.x[par] ?? 0),
            (a.y[i] ?? 0) - (a.y[par] ?? 0),
            (a.z[i] ?? 0) - (a.z[par] ?? 0),
          );
        if ((a.edited[i] ?? 0) >= last) {
          last = a.edited[i] ?? 0;
          this.lastEditor[s] = a.editor[i] ?? 0;
        }
      }
      this.cable[s] = cable;
      this.lastEdit[s] = last;
    }
    const nLinks = a.linkNode.length;
    this.linkConn = new Int32Array(nLinks);
    for (let c = 0; c < this.nConn; c++)
      this.linkConn.fill(c, a.connLinkStart[c] ?? 0, a.connLinkStart[c + 1] ?? 0);
    this.skelLinkStart = new Int32Array(this.nSkel + 1);
    for (let l = 0; l < nLinks; l++) {
      const k = (this.skelOfNode[a.linkNode[l] ?? 0] ?? 0) + 1;
      this.skelLinkStart[k] = (this.skelLinkStart[k] ?? 0) + 1;
    }
    for (let s = 0; s < this.nSkel; s++)
      this.skelLinkStart[s + 1] = (this.skelLinkStart[s + 1] ?? 0) + (this.skelLinkStart[s] ?? 0);
    const fill = this.skelLinkStart.slice(0, this.nSkel);
    this.skelLinks = new Int32Array(nLinks);
    for (let l = 0; l < nLinks; l++) {
      const s = this.skelOfNode[a.linkNode[l] ?? 0] ?? 0;
      const at = fill[s] ?? 0;
      fill[s] = at + 1;
      this.skelLinks[at] = l;
    }
    for (const ann of p.meta.annotations) {
      this.annotationName.set(ann.id, ann.name);
      this.annotationByName.set(ann.name, ann.id);
    }
    this.annotationsOf = groupBy(p.meta.annotationLinks, (l) => l.entity);
    this.annotated = groupBy(p.meta.annotationLinks, (l) => l.annotation);
  }

  nodeRange(s: number): [number, number] {
    return [this.a.skelNodeStart[s] ?? 0, this.a.skelNodeStart[s + 1] ?? 0];
  }

  neuron(s: number): NeuronMeta {
    const n = this.meta.neurons[s];
    if (!n) throw new Error(`no skeleton index ${s}`);
    return n;
  }

  /** Node index for a treenode ID, or -1. */
  nodeIndex(id: number): number {
    const i = id - this.meta.nodeBase;
    return Number.isInteger(i) && i >= 0 && i < this.nNodes ? i : -1;
  }

  nodeId(i: number): number {
    return this.meta.nodeBase + i;
  }

  connIndex(id: number): number {
    const j = id - this.meta.connectorBase;
    return Number.isInteger(j) && j >= 0 && j < this.nConn ? j : -1;
  }

  connId(j: number): number {
    return this.meta.connectorBase + j;
  }

  /** Reviews of skeleton s (or of one node): index range into the review arrays. */
  reviewRange(fromNode: number, toNode: number): [number, number] {
    return [lowerBound(this.a.reviewNode, fromNode), lowerBound(this.a.reviewNode, toNode)];
  }

  tagRange(fromNode: number, toNode: number): [number, number] {
    return [lowerBound(this.a.tagNode, fromNode), lowerBound(this.a.tagNode, toNode)];
  }

  /** Link indices of skeleton s. */
  links(s: number): Int32Array {
    return this.skelLinks.subarray(this.skelLinkStart[s] ?? 0, this.skelLinkStart[s + 1] ?? 0);
  }

  /** The presynaptic link of a connector (links are stored pre first), or -1. */
  preLink(c: number): number {
    const l = this.a.connLinkStart[c] ?? 0;
    return this.a.linkRelation[l] === 0 ? l : -1;
  }

  /** Transitive sub-annotations of an annotation (including itself). */
  subAnnotations(id: number): Set<number> {
    const out = new Set<number>([id]);
    const queue = [id];
    while (queue.length > 0) {
      const cur = queue.pop();
      if (cur === undefined) break;
      for (const l of this.annotated.get(cur) ?? []) {
        if (this.annotationName.has(l.entity) && !out.has(l.entity)) {
          out.add(l.entity);
          queue.push(l.entity);
        }
      }
    }
    return out;
  }

  login(userId: number): string {
    return this.users.find((u) => u.id === userId)?.login ?? String(userId);
  }
}
