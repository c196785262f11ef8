/**
 * A small, self-contained three.js scene for the Regions view: the pruned skeleton segments
 * (one LineSegments, vertex colours) and the chosen volumes (translucent meshes). Rendered on
 * demand only (after a change or a camera move), never in a loop.
 */
import {
  Box3,
  BufferAttribute,
  BufferGeometry,
  Color,
  DoubleSide,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Scene,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import type { TriangleMesh } from '../../api/x3d-mesh.ts';
import type { RegionSegments } from '../geometry/region-segments.ts';

export interface SceneVolume {
  mesh: TriangleMesh;
  color: string;
  opacity: number;
}

export interface RegionScene {
  /** `reframe`: point the camera at what is shown (else only the first update does). */
  update(segments: RegionSegments, volumes: readonly SceneVolume[], reframe?: boolean): void;
  resize(width: number, height: number): void;
  /** The view drawn at width × height pixels (for a PNG export); the canvas is restored. */
  snapshot(width: number, height: number): Promise<ImageBitmap>;
  dispose(): void;
}

export function createRegionScene(canvas: HTMLCanvasElement, onRender: () => void): RegionScene {
  const renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
  renderer.setClearColor(0xffffff);
  const scene = new Scene();
  const camera = new PerspectiveCamera(40, 1, 10, 1e7);
  // CATMAID's XY view: y grows downwards, looking along +z.
  camera.up.set(0, -1, 0);
  const controls = new OrbitControls(camera, canvas);
  const render = () => {
    renderer.render(scene, camera);
    onRender();
  };
  controls.addEventListener('change', render);
  let framed = false;

  const clear = () => {
    for (const child of [...scene.children]) {
      scene.remove(child);
      if (child instanceof Mesh || child instanceof LineSegments) {
        child.geometry.dispose();
        (child.material as { dispose(): void }).dispose();
      }
    }
  };

  return {
    update(segments, volumes, reframe = false) {
      clear();
      const lines = new BufferGeometry();
      lines.setAttribute('position', new BufferAttribute(segments.positions, 3));
      lines.setAttribute('color', new BufferAttribute(segments.colours, 3));
      scene.add(new LineSegments(lines, new LineBasicMaterial({ vertexColors: true })));
      const box = new Box3();
      if (segments.positions.length > 0)
        box.setFromBufferAttribute(lines.getAttribute('position') as BufferAttribute);
      for (const v of volumes) {
        const g = new BufferGeometry();
        g.setAttribute('position', new BufferAttribute(v.mesh.positions, 3));
        g.setIndex(new BufferAttribute(v.mesh.indices, 1));
        const m = new MeshBasicMaterial({
          color: new Color(v.color),
          transparent: true,
          opacity: v.opacity,
          side: DoubleSide,
          depthWrite: false,
        });
        scene.add(new Mesh(g, m));
        g.computeBoundingBox();
        if (g.boundingBox) box.union(g.boundingBox);
      }
      if ((reframe || !framed) && !box.isEmpty()) {
        const centre = box.getCenter(new Vector3());
        const size = box.getSize(new Vector3()).length();
        // The bounding sphere (radius size / 2) fits the 40° field of view from 1.46 × size;
        // a little more leaves a margin for the parts nearest the camera.
        camera.position.set(centre.x, centre.y, centre.z - size * 1.6);
        controls.target.copy(centre);
        controls.update();
        framed = true;
      }
      render();
    },
    resize(width, height) {
      renderer.setSize(width, height, false);
      camera.aspect = width / Math.max(1, height);
      camera.updateProjectionMatrix();
      render();
    },
    async snapshot(width, height) {
      const size = renderer.getSize(new Vector2());
      const aspect = camera.aspect;
      const restore = () => {
        renderer.setSize(size.x, size.y, false);
        camera.aspect = aspect;
        camera.updateProjectionMatrix();
        render();
      };
      renderer.setSize(width, height, false);
      camera.aspect = width / Math.max(1, height);
      camera.updateProjectionMatrix();
      renderer.render(scene, camera);
      try {
        // preserveDrawingBuffer keeps this frame in the canvas until the next render.
        return await createImageBitmap(canvas);
      } finally {
        restore();
      }
    },
    dispose() {
      controls.dispose();
      clear();
      renderer.dispose();
    },
  };
}
