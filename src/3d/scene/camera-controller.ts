/**
 * Owns the perspective and orthographic cameras and the orbit controls (rotate: left drag, pan:
 * right drag, zoom: wheel / pinch). Switching projection keeps the view (same target, direction
 * and apparent size). Plain TS so the R3F component stays a thin wrapper.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import type { Bounds } from '../geometry/scene-model.ts';
import {
  boundsSphere,
  projectedReach,
  clipPlanes,
  convertPose,
  framePose,
  FOV,
  type AxisView,
  type CameraPose,
} from './camera-math.ts';
import { boundsValid, scaleBounds, unionBounds } from './framing.ts';
import type { ViewerHandle } from './viewer-handle.ts';

export type Projection = 'perspective' | 'orthographic';

/** Where the scene is: everything loaded (clip planes) and what is visible ("Frame all"). */
export interface BoundsSource {
  all(): Bounds | null;
  visible(): Bounds | null;
  /**
   * Where the visible scene is expected to reach while its neurons still load (the bounds it
   * had when these neurons were last shown), or null. Auto-framing and the clip planes count
   * it, so a reload is framed on the whole scene from its first frame and never re-framed as
   * neurons arrive: every frame after the first then only adds what arrived.
   */
  expected?(): Bounds | null;
  /** More neurons are on their way than the scene holds (see GROWTH_ROOM). */
  growing?(): boolean;
}

/** A preset direction, or 'all': fit everything visible from the current direction. */
export type FrameView = AxisView | 'all';

/**
 * While neurons stream in, the view is re-framed only when the scene no longer fits it well:
 * when it reaches out of the viewport (growth within the 5 % framing margin keeps the view), or
 * fills less than MIN_FILL of it (neurons hidden). Each re-frame makes the next frame redraw
 * everything, where an unchanged view lets frames add only what arrived (frame-accumulation.ts).
 */
const MAX_FILL = 1;
const MIN_FILL = 0.75;
/**
 * A scene still growing with no expected bounds (a first view, a colleague's browser) is framed
 * with this much room around it (its box scaled about its centre): neurons that arrive later and
 * reach up to a fifth further keep the view. Framed tight, a cold 1,000-neuron scene was re-framed
 * as late as its 300th or 560th neuron: that frame and the complete one then redrew the whole
 * scene (1.5–3.5 s of software GL) instead of adding what arrived.
 */
export const GROWTH_ROOM = 1.2;
/** While growing, the view framed with room is kept down to this fill (it starts near 0.8). */
const MIN_FILL_GROWING = 0.65;

export class CameraController {
  readonly persp = new THREE.PerspectiveCamera(FOV, 1, 1, 1e7);
  readonly ortho = new THREE.OrthographicCamera(-1, 1, 1, -1, -1e7, 1e7);
  private controls: OrbitControls | null = null;
  private projection: Projection;
  private pose: CameraPose | null;
  private width = 1;
  private height = 1;
  private source: BoundsSource = { all: () => null, visible: () => null };
  /** The last framing fitted neurons (not the empty scene's default box). */
  private framed = false;
  /** The user moved the camera (or the URL gave a pose): stop auto-framing. */
  userMoved: boolean;
  onPoseEnd: (pose: CameraPose, projection: Projection) => void = () => undefined;

  constructor(
    private readonly handle: ViewerHandle,
    initialPose: CameraPose | null,
    projection: Projection,
  ) {
    this.pose = initialPose;
    this.projection = projection;
    this.userMoved = initialPose !== null;
  }

  setOnPoseEnd(fn: (pose: CameraPose, projection: Projection) => void): void {
    this.onPoseEnd = fn;
  }

  get camera(): THREE.PerspectiveCamera | THREE.OrthographicCamera {
    return this.projection === 'orthographic' ? this.ortho : this.persp;
  }

  /** Attaches controls for `projection` to the canvas; returns the camera to make default. */
  attach(dom: HTMLElement, projection: Projection, invalidate: () => void): () => void {
    const visible = this.autoBounds();
    if (!this.pose) this.framed = boundsValid(visible);
    const pose = this.pose
      ? this.projection !== projection
        ? convertPose(this.pose, projection, this.height)
        : this.pose
      : framePose('xy', visible, this.height, this.width / this.height);
    this.projection = projection;
    const camera = this.camera;
    const controls = new OrbitControls(camera, dom);
    controls.enableDamping = false;
    controls.zoomToCursor = true;
    controls.screenSpacePanning = true;
    this.controls = controls;
    this.apply(pose);
    const onChange = () => {
      this.updateClip();
      this.pose = this.snapshot();
      this.handle.emitCamera();
      invalidate();
    };
    const onStart = () => {
      this.userMoved = true;
    };
    const onEnd = () => this.onPoseEnd(this.snapshot(), this.projection);
    controls.addEventListener('change', onChange);
    controls.addEventListener('start', onStart);
    controls.addEventListener('end', onEnd);
    this.handle.setCamera(camera, controls.target);
    onChange();
    return () => {
      controls.removeEventListener('change', onChange);
      controls.removeEventListener('start', onStart);
      controls.removeEventListener('end', onEnd);
      controls.dispose();
      this.controls = null;
    };
  }

  private snapshot(): CameraPose {
    const c = this.camera;
    return {
      position: c.position.toArray(),
      target: (this.controls?.target ?? new THREE.Vector3()).toArray(),
      up: c.up.toArray(),
      zoom: c.zoom,
    };
  }

  private apply(pose: CameraPose): void {
    const c = this.camera;
    const controls = this.controls;
    c.position.set(...pose.position);
    c.up.set(...pose.up);
    if (c === this.ortho) c.zoom = pose.zoom;
    if (controls) {
      controls.target.set(...pose.target);
      c.lookAt(controls.target);
      controls.update();
    }
    this.updateClip();
  }

  /** `keep`: leave the planes as they are while they still hold the whole scene. */
  private updateClip(keep = false): void {
    const c = this.camera;
    const target = this.controls?.target ?? new THREE.Vector3();
    const { center, radius } = boundsSphere(unionBounds(this.source.all(), this.expected()));
    // The target need not be the scene's centre (framing fits the visible neurons only).
    const reach = radius + center.distanceTo(target);
    const distance = c.position.distanceTo(target);
    if (keep && c.near <= distance - reach && c.far >= distance + reach) return;
    const [near, far] = clipPlanes(distance, reach, c === this.ortho);
    c.near = near;
    c.far = far;
    c.updateProjectionMatrix();
  }

  resize(width: number, height: number): void {
    this.width = Math.max(width, 1);
    this.height = Math.max(height, 1);
    this.persp.aspect = this.width / this.height;
    this.persp.updateProjectionMatrix();
    Object.assign(this.ortho, {
      left: -this.width / 2,
      right: this.width / 2,
      top: this.height / 2,
      bottom: -this.height / 2,
    });
    this.ortho.updateProjectionMatrix();
    if (!this.userMoved) this.frame('xy', false);
    this.handle.emitCamera();
  }

  /** Frames every visible neuron from an axis view (or the current direction); `byUser` also
   * reports the pose (URL). */
  frame(view: FrameView, byUser: boolean): void {
    if (!this.controls) return;
    if (byUser) this.userMoved = true;
    const c = this.camera;
    const direction =
      view === 'all'
        ? {
            forward: this.controls.target.clone().sub(c.position).normalize().toArray(),
            up: c.up.toArray(),
          }
        : view;
    // Auto-framing fits where the scene is going; the user's "Frame all", what is there.
    const visible = byUser ? this.source.visible() : this.autoBounds();
    this.framed = boundsValid(visible);
    const box = !byUser && this.growingUnhinted() ? scaleBounds(visible, GROWTH_ROOM) : visible;
    this.apply(framePose(direction, box, this.height, this.width / this.height));
    this.controls.dispatchEvent({ type: 'change' });
    if (byUser) this.onPoseEnd(this.snapshot(), this.projection);
  }

  setBoundsSource(source: BoundsSource): void {
    this.source = source;
    this.boundsChanged();
  }

  /** More neurons arrived or visibility changed: re-frame until the user moved the camera. */
  boundsChanged(): void {
    if (!this.userMoved && !this.fitsView()) this.frame('xy', false);
    else if (this.controls) this.updateClip(true);
  }

  private expected(): Bounds | null {
    return this.source.expected?.() ?? null;
  }

  /** More neurons to come and no bounds expected for them: auto-framing leaves room. */
  private growingUnhinted(): boolean {
    return (this.source.growing?.() ?? false) && !boundsValid(this.expected());
  }

  /** What auto-framing fits: the visible neurons, and where they are expected to reach. */
  private autoBounds(): Bounds | null {
    return unionBounds(this.source.visible(), this.expected());
  }

  /** The last framing still shows the visible neurons well (see MAX_FILL, MIN_FILL). */
  private fitsView(): boolean {
    const b = this.autoBounds();
    if (!this.framed || !boundsValid(b)) return false;
    this.camera.updateMatrixWorld();
    const reach = projectedReach(b, this.camera);
    return reach <= MAX_FILL && reach >= (this.growingUnhinted() ? MIN_FILL_GROWING : MIN_FILL);
  }
}
