/**
 * The imperative heart of the 3D view, independent of React: the scene model, the shared
 * palette uniforms and the three.js layers (lines, connectors, somata, volumes, highlighted
 * synapses). R3F mounts `root`; the view feeds it skeletons, colours and toggles.
 */
import * as THREE from 'three';
import type { Volume } from '../../api/volumes.ts';
import type { ColourMode } from '../colour-modes/registry.ts';
import { buildPalette, type Rgb } from '../geometry/colour-modes.ts';
import { IncomingSkeletons, type IncomingSkeleton } from '../geometry/incoming-skeletons.ts';
import type { DisplayPiece } from '../geometry/display-piece.ts';
import { emptyBounds, SceneModel, type Bounds } from '../geometry/scene-model.ts';
import { SceneCompartments } from '../geometry/scene-compartments.ts';
import { SceneCreationTimes } from '../geometry/scene-creation-times.ts';
import { SceneNodeCodes } from '../geometry/scene-node-codes.ts';
import { SceneReviewCodes } from '../geometry/scene-review-codes.ts';
import { BlockLayer, type Detail } from './block-layers.ts';
import { webgl2Of } from './gpu-fence.ts';
import {
  connectorMaterial,
  lineMaterial,
  markerMaterial,
  pickMaterial,
  somaMaterial,
  volumeMaterial,
} from './materials.ts';
import { PaletteUniforms } from './palette-uniforms.ts';
import { Picker } from './picking.ts';
import { SomaLayer } from './soma-layer.ts';

/** Above this many nodes the screen shows decimated skeletons (1 in LOD_STRIDE chain nodes). */
const LOD_NODE_THRESHOLD = 600_000;
/** Above this many, the coarser decimation (skeleton-piece.ts, COARSE_STRIDE). */
const COARSE_NODE_THRESHOLD = 4_000_000;
/** Main-thread time per frame for copying arrived skeletons into the model. */
const MODEL_MS_PER_FRAME = 6;

export type DetailPreference = 'auto' | Detail;

/** What `auto` draws on screen for a scene of `nodes` nodes. */
export function autoDetail(nodes: number): Detail {
  if (nodes > COARSE_NODE_THRESHOLD) return 'coarse';
  return nodes > LOD_NODE_THRESHOLD ? 'lod' : 'full';
}

export interface NeuronStyle {
  rgb: Rgb;
  /** 0 = hidden. */
  alpha: number;
}

export interface VolumeStyle {
  rgb: [number, number, number];
  opacity: number;
}

export class ViewerEngine {
  readonly model = new SceneModel();
  readonly palette = new PaletteUniforms();
  readonly root = new THREE.Group();
  readonly lines: BlockLayer;
  readonly connectors: BlockLayer;
  readonly somata: SomaLayer;
  readonly volumes = new THREE.Group();
  readonly markers = new THREE.Group();
  readonly connectorMat;
  readonly picker: Picker;
  private readonly volumeMeshes = new Map<number, THREE.Mesh>();
  private readonly markerMat = markerMaterial(14);
  private readonly listeners = new Set<() => void>();
  private readonly modelListeners = new Set<() => void>();
  private boundsCache: {
    records: number;
    somata: number;
    styles: ReadonlyMap<number, NeuronStyle>;
    value: Bounds | null;
  } | null = null;
  private readonly incoming = new IncomingSkeletons();
  /** Node creation times for the creation-time colour mode (fetched only for that mode). */
  readonly creationTimes = new SceneCreationTimes();
  private readonly extras = new Map<number, IncomingSkeleton>();
  /** Review codes under the reviewer whitelist, for the review colour mode (fetched for it). */
  readonly reviewCodes = new SceneReviewCodes();
  /** Axon/dendrite codes, split only while the compartment mode is on. */
  readonly compartments = new SceneCompartments();
  /** Whichever of the two is the active mode writes the per-vertex code component. */
  private readonly nodeCodes = new SceneNodeCodes({
    ctime: this.creationTimes,
    review: this.reviewCodes,
  });
  /** Bumped on every model change; React reads it through subscribe/getVersion. */
  private version = 0;
  private styles: ReadonlyMap<number, NeuronStyle> = new Map();
  private paletteDirty = true;
  colourMode: ColourMode = 'selection';
  /** auto: decimated skeletons on screen above LOD_NODE_THRESHOLD nodes, else as chosen. */
  detailPreference: DetailPreference = 'auto';
  highlighted: number | null = null;
  /** Neurons are still arriving, and the fraction already in (set by the view); the frame
   * loop then draws progress frames sparingly. */
  loading = false;
  loadFraction = 1;
  /**
   * Nodes the scene is expected to have once every requested neuron is in (set by the view,
   * extrapolated from those in so far): auto detail picks the final scene's level from the
   * first neurons on, so a lab-sized scene never uploads a finer level it will not keep.
   */
  expectedNodes = 0;
  /**
   * Neurons the scene is expected to hold once all are in (set by the view as soon as they are
   * asked for). The engine extrapolates the scene's size from the neurons it has itself, which
   * the view's counts lag behind: the first neurons handed over already pick the final level,
   * so a lab-sized scene's first frame is not drawn at a finer level than every later one (a
   * level change makes the next frame redraw everything instead of adding to the last).
   */
  expectedNeurons = 0;
  /** Where the visible neurons reached when this scene was last shown (see expectedBounds). */
  private boundsHint: Bounds | null = null;
  private boundsHintDirty = false;
  /** Whether the last sync counted the hint (its end is a bounds change too). */
  private boundsHintCounted = false;
  private renderer: THREE.WebGLRenderer | null = null;

  constructor() {
    const u = this.palette.uniforms;
    this.lines = new BlockLayer('lines', lineMaterial(u), 0);
    this.connectorMat = connectorMaterial(u);
    this.connectors = new BlockLayer('points', this.connectorMat, 2);
    this.somata = new SomaLayer(somaMaterial(u));
    this.picker = new Picker((block) => pickMaterial(u, block));
    this.volumes.renderOrder = 10;
    this.markers.renderOrder = 20;
    this.root.add(
      this.lines.group,
      this.connectors.group,
      this.somata.group,
      this.volumes,
      this.markers,
    );
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  /**
   * Called when skeletons entered the model or neuron visibility changed (during `sync`, before
   * the frame is drawn), so the camera can re-frame in the same frame.
   */
  onModelChange(fn: () => void): () => void {
    this.modelListeners.add(fn);
    return () => this.modelListeners.delete(fn);
  }

  /**
   * Bounding box of every node of the visible neurons (soma spheres included), or null when
   * nothing visible is loaded: what "Frame all" fits.
   */
  visibleBounds(): Bounds | null {
    // Asked on every model change while neurons stream in: the answer is kept until the set of
    // drawn neurons or their styles change.
    const key = { records: this.model.slotSkeleton.length, somata: this.model.somata.length };
    const c = this.boundsCache;
    if (c && c.styles === this.styles && c.records === key.records && c.somata === key.somata)
      return c.value;
    const out = emptyBounds();
    let any = false;
    for (const r of [...this.model.records, ...this.model.displayed.values()]) {
      if (!((this.styles.get(r.skeletonId)?.alpha ?? 0) > 0)) continue;
      const b = r.bounds;
      if (!Number.isFinite(b.min[0])) continue;
      any = true;
      for (let i = 0; i < 3; i++) {
        out.min[i] = Math.min(out.min[i] ?? Infinity, b.min[i] ?? Infinity);
        out.max[i] = Math.max(out.max[i] ?? -Infinity, b.max[i] ?? -Infinity);
      }
    }
    for (const s of this.model.somata) {
      if (!((this.styles.get(s.skeletonId)?.alpha ?? 0) > 0)) continue;
      for (let i = 0; i < 3; i++) {
        const c = s.position[i] ?? 0;
        out.min[i] = Math.min(out.min[i] ?? Infinity, c - s.radius);
        out.max[i] = Math.max(out.max[i] ?? -Infinity, c + s.radius);
      }
    }
    const value = any ? out : null;
    this.boundsCache = { ...key, styles: this.styles, value };
    return value;
  }

  /** Queues skeletons for the scene; `sync` moves them into the model a few at a time. */
  addSkeletons(items: readonly IncomingSkeleton[]): void {
    let added = false;
    for (const item of items) {
      const id = item.detail.skeletonId;
      if (this.model.bySkeleton.has(id)) continue;
      const fill = this.model.displayed.has(id) || this.incoming.hasDisplay(id);
      if (this.incoming.push(item, fill)) added = true;
    }
    if (added) this.arrived();
  }

  /**
   * Display forms (display first, ../geometry/display-piece.ts): drawn at the coarse level
   * until the skeleton's full data is handed over with addSkeletons.
   */
  addDisplays(items: readonly DisplayPiece[]): void {
    let added = false;
    for (const display of items) {
      if (this.model.has(display.skeletonId)) continue;
      if (this.incoming.push({ display })) added = true;
    }
    if (added) this.arrived();
  }

  private drainTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Arrived skeletons are copied into the model in tasks of their own, a few ms each, whether
   * or not a frame loop runs yet: a reload's neurons arrive while the canvas is still being set
   * up and its shaders warmed (seconds with software GL), and waited there for the first frame.
   */
  private arrived(): void {
    this.changed();
    this.drainSoon();
  }

  private drainSoon(): void {
    if (this.drainTimer !== null) return;
    this.drainTimer = setTimeout(() => {
      this.drainTimer = null;
      if (this.drainIncoming()) this.drainSoon();
    }, 0);
  }

  /** Skeletons drawn from their display form whose full data is not in yet. */
  get displayOnly(): number {
    return this.model.displayed.size;
  }

  /**
   * Connectors and tags of skeletons already handed over (geometry first): applied by `sync`
   * once the skeleton itself is in the model.
   */
  addExtras(items: readonly IncomingSkeleton[]): void {
    for (const item of items) this.extras.set(item.detail.skeletonId, item);
    if (items.length > 0) this.changed();
  }

  /**
   * Sets where the visible neurons are expected to reach (remembered from the last time this
   * scene was shown; null: unknown). The camera hears of it at the next sync, as of a model change.
   */
  setBoundsHint(bounds: Bounds | null): void {
    this.boundsHint = bounds;
    this.boundsHintDirty = true;
  }

  /**
   * The bounds hint while neurons still load or wait to enter the model: auto-framing and the
   * clip planes count it then, so the view is framed on the whole scene from its first frame.
   * Once all are in, the real bounds alone decide (a stale hint costs one re-frame).
   */
  expectedBounds(): Bounds | null {
    return this.loading || this.incoming.size > 0 ? this.boundsHint : null;
  }

  /** Fewer neurons in the model than the view expects (auto-framing leaves room for them). */
  get neuronsToCome(): boolean {
    return this.model.slotSkeleton.length < this.expectedNeurons;
  }

  /** No segment nor synapse point is on the GPU to draw (the frame loop's `empty`). */
  get nothingDrawable(): boolean {
    return this.lines.drawnCount() === 0 && this.connectors.drawnCount() === 0;
  }

  /** Skeletons handed over but not yet in the model. */
  get queuedSkeletons(): number {
    return this.incoming.size;
  }

  /** Rebuild the per-neuron palette at the next sync (after someone else wrote it). */
  invalidatePalette(): void {
    this.paletteDirty = true;
  }

  /** Colour and visibility per skeleton id; skeletons without a style are not drawn. */
  setStyles(styles: ReadonlyMap<number, NeuronStyle>): void {
    this.styles = styles;
    this.paletteDirty = true;
  }

  setUserColours(users: readonly { id: number; rgb: Rgb }[]): void {
    const max = users.reduce((m, u) => Math.max(m, Math.min(u.id, 65535)), 0);
    const byId = new Map(users.map((u) => [u.id, u.rgb]));
    const data = buildPalette(max + 1, (i) => {
      const rgb = byId.get(i);
      return rgb ? { rgb, alpha: 1 } : { rgb: [128, 128, 128], alpha: 1 };
    });
    this.palette.setUserColors(data, max + 1);
  }

  setHighlight(skeletonId: number | null): void {
    this.highlighted = skeletonId;
    const slot = skeletonId === null ? undefined : this.model.slotOf(skeletonId);
    this.palette.uniforms.uHighlight.value = slot ?? -1;
  }

  setBackground(rgb: Rgb): void {
    this.palette.uniforms.uBackground.value.set(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255);
  }

  styleOf(skeletonId: number): NeuronStyle | undefined {
    return this.styles.get(skeletonId);
  }

  /** The renderer whose GL context holds the layer buffers (set once the canvas exists). */
  attachRenderer(renderer: THREE.WebGLRenderer | null): void {
    this.renderer = renderer;
    // Shader error checks query the program right after linking, a synchronous round trip that
    // waits for the compile (100+ ms with software GL). The shaders are fixed and tested; check
    // them in development only.
    if (renderer) renderer.debug.checkShaderErrors = import.meta.env.DEV;
  }

  /**
   * Copies arrived skeletons into the model for up to MODEL_MS_PER_FRAME, outside any frame (no
   * GL work: the next sync uploads them). True while more are queued. The frame loop calls it
   * between animation frames so the main thread, idle between them, keeps up with the workers.
   */
  drainIncoming(): boolean {
    const drawn = this.model.drawnVersion;
    this.incoming.drainInto(this.model, MODEL_MS_PER_FRAME, () => performance.now());
    // A displayed skeleton filled in changes nothing on screen at the coarse level.
    if (this.model.drawnVersion !== drawn) this.paletteDirty = true;
    return this.incoming.size > 0;
  }

  /**
   * Copies pending model changes to the GPU objects, uploading at most `budgetBytes` of new
   * geometry (exports pass no budget: everything). `changed`: a redraw is needed; `pending`:
   * geometry on screen still waits for upload; `background`: a detail level just chosen is
   * uploading while the previous one stays on screen. Only the level shown (or chosen) is
   * uploaded; `detail` (exports: full) overrides the preference for this sync.
   */
  sync(
    budgetBytes = Infinity,
    detail?: Detail,
  ): { changed: boolean; pending: boolean; background: boolean; queued: boolean } {
    const m = this.model;
    const drawnBefore = m.drawnVersion;
    this.incoming.drainInto(m, budgetBytes === Infinity ? Infinity : MODEL_MS_PER_FRAME, () =>
      performance.now(),
    );
    const moved = m.drawnVersion - drawnBefore;
    if (moved > 0) this.paletteDirty = true;
    const enriched = this.applyExtras();
    // Big scenes: draw the decimated skeletons on screen (exports switch back to full detail).
    // Auto goes by the scene's final size: the skeletons still queued count, and those still
    // to come (a finer level shown while they arrive would be uploaded in vain).
    const known = m.nodeCount + this.incoming.nodeCount;
    const neurons = m.slotSkeleton.length + this.incoming.size - this.incoming.fills;
    const extrapolated =
      neurons > 0 && this.expectedNeurons > neurons ? (known * this.expectedNeurons) / neurons : 0;
    const nodes = Math.max(known, this.expectedNodes, extrapolated);
    this.lines.setDetail(detail ?? this.detailAt(nodes));
    // What still changes the picture: at the coarse level, full skeletons filling in a display
    // form add nothing; at a finer one, a skeleton still without its full data is missing.
    const coarse = this.lines.detailAsked === 'coarse';
    const unseen = this.incoming.size - (coarse ? this.incoming.fills : 0);
    const queued = unseen > 0 || this.extras.size > 0 || (!coarse && m.displayed.size > 0);
    const retimed = this.nodeCodes.apply(m, this.colourMode);
    if (retimed) this.somata.refreshTimes(m);
    const split =
      this.colourMode === 'compartment'
        ? this.compartments.apply(m, budgetBytes === Infinity ? Infinity : MODEL_MS_PER_FRAME, () =>
            performance.now(),
          )
        : { changed: false, pending: false };
    const busy = queued || split.pending;
    this.palette.setMode(this.colourMode, m.maxStrahler, m.bounds.min[2], m.bounds.max[2]);
    if (this.highlighted !== null) this.setHighlight(this.highlighted);
    const hintCounted = this.expectedBounds() !== null;
    if (hintCounted !== this.boundsHintCounted) {
      this.boundsHintCounted = hintCounted;
      this.boundsHintDirty = true;
    }
    if (this.paletteDirty || this.boundsHintDirty) {
      this.boundsHintDirty = false;
      for (const fn of this.modelListeners) fn();
    }
    if (this.paletteDirty) {
      this.paletteDirty = false;
      const slots = m.slotSkeleton;
      const data = buildPalette(slots.length, (slot) => {
        const id = slots[slot];
        return (id !== undefined && this.styles.get(id)) || null;
      });
      this.palette.setSlotColors(data, slots.length);
    }
    const renderer = this.renderer;
    const gl = webgl2Of(renderer?.getContext());
    if (!renderer || !gl)
      return {
        changed: moved > 0 || enriched || retimed || split.changed,
        pending: busy,
        background: false,
        queued: this.incoming.size > 0,
      };
    const budget = { bytes: budgetBytes };
    const fresh = { indexBuffer: false };
    const onIndexBuffer = () => {
      fresh.indexBuffer = true;
    };
    const a = this.lines.sync(gl, this.model.lines, budget, onIndexBuffer);
    const b = this.connectors.sync(gl, this.model.points, budget, onIndexBuffer);
    if (fresh.indexBuffer) renderer.resetState();
    const c = this.somata.sync(this.model);
    return {
      changed: moved > 0 || enriched || retimed || split.changed || a.changed || b.changed || c,
      pending: busy || a.pending || b.pending,
      background: a.background || b.background,
      queued: this.incoming.size > 0,
    };
  }

  /** The level a scene of `nodes` nodes is shown at: the one chosen, or auto's. */
  detailAt(nodes: number): Detail {
    return this.detailPreference === 'auto' ? autoDetail(nodes) : this.detailPreference;
  }

  /** Extras whose skeleton is in the model now; those still queued wait for the next sync. */
  private applyExtras(): boolean {
    let applied = false;
    for (const [id, item] of this.extras) {
      if (!this.model.bySkeleton.has(id)) {
        // Neither drawn nor on its way (removed meanwhile): nothing to add it to.
        if (!this.incoming.has(id)) this.extras.delete(id);
        continue;
      }
      this.extras.delete(id);
      if (this.model.enrich(item.detail, item.piece)) applied = true;
    }
    return applied;
  }

  setConnectorVisibility(pre: boolean, post: boolean, size: number): void {
    this.connectorMat.uniforms.uShowKinds.value.set(pre ? 1 : 0, post ? 1 : 0, 0);
    this.connectorMat.uniforms.uPointSize.value = size;
  }

  setDetailPreference(detail: DetailPreference): void {
    this.detailPreference = detail;
  }

  /** Diameter of the highlighted-synapse markers, in drawing-buffer pixels. */
  setMarkerSize(px: number): void {
    const u = this.markerMat.uniforms.uPointSize;
    if (u) u.value = px;
  }

  get markerSize(): number {
    return Number(this.markerMat.uniforms.uPointSize?.value ?? 0);
  }

  /** Highlighted synapses drawn now. */
  get markerCount(): number {
    return this.markers.children.reduce(
      (n, c) => n + ((c as THREE.Points).geometry.getAttribute('position')?.count ?? 0),
      0,
    );
  }

  setColourMode(mode: ColourMode): void {
    this.colourMode = mode;
  }

  setSomataVisible(visible: boolean): void {
    this.somata.group.visible = visible;
  }

  /** Shows exactly these volumes (mesh + style); meshes are reused between calls. */
  setVolumes(shown: readonly { volume: Volume; style: VolumeStyle }[]): void {
    const keep = new Set(shown.map((s) => s.volume.id));
    for (const [id, mesh] of this.volumeMeshes) {
      if (keep.has(id)) continue;
      this.volumes.remove(mesh);
      mesh.geometry.dispose();
      (mesh.material as THREE.Material).dispose();
      this.volumeMeshes.delete(id);
    }
    for (const { volume, style } of shown) {
      let mesh = this.volumeMeshes.get(volume.id);
      if (!mesh) {
        const g = new THREE.BufferGeometry();
        g.setAttribute('position', new THREE.BufferAttribute(volume.mesh.positions, 3));
        g.setIndex(new THREE.BufferAttribute(volume.mesh.indices, 1));
        g.computeVertexNormals();
        mesh = new THREE.Mesh(g, volumeMaterial(style.rgb, style.opacity));
        mesh.frustumCulled = false;
        mesh.renderOrder = 10;
        mesh.userData.volumeId = volume.id;
        this.volumeMeshes.set(volume.id, mesh);
        this.volumes.add(mesh);
      }
      const m = mesh.material as THREE.ShaderMaterial;
      (m.uniforms.uColour?.value as THREE.Vector3).set(
        style.rgb[0] / 255,
        style.rgb[1] / 255,
        style.rgb[2] / 255,
      );
      if (m.uniforms.uOpacity) m.uniforms.uOpacity.value = style.opacity;
    }
  }

  /**
   * Large markers at these positions (xyz nm), drawn on top of everything (no depth test, last
   * in the transparent pass), so somata and arbors never hide them.
   */
  setMarkers(positions: Float32Array): void {
    for (const c of this.markers.children) (c as THREE.Points).geometry.dispose();
    this.markers.clear();
    if (positions.length === 0) return;
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
    const points = new THREE.Points(g, this.markerMat);
    points.frustumCulled = false;
    points.renderOrder = 20;
    this.markers.add(points);
  }

  dispose(): void {
    if (this.drainTimer !== null) clearTimeout(this.drainTimer);
    this.lines.dispose();
    this.connectors.dispose();
    this.somata.dispose();
    this.setVolumes([]);
    this.setMarkers(new Float32Array(0));
    this.picker.dispose();
    this.palette.dispose();
  }
}
