import { useEffect, useRef } from 'react';
import * as THREE from 'three';
import type { ViewerHandle } from '../../3d/scene/viewer-handle.ts';

const AXES = [
  { name: 'x', dir: new THREE.Vector3(1, 0, 0), colour: '#d62728' },
  { name: 'y', dir: new THREE.Vector3(0, 1, 0), colour: '#2ca02c' },
  { name: 'z', dir: new THREE.Vector3(0, 0, 1), colour: '#1f77b4' },
];
const R = 28;

/** Project-space axes as seen from the camera (rotates with it; x red, y green, z blue). */
export function AxisTriad({ handle }: { handle: ViewerHandle }) {
  const lines = useRef<(SVGLineElement | null)[]>([]);
  const labels = useRef<(SVGTextElement | null)[]>([]);
  useEffect(() => {
    const v = new THREE.Vector3();
    const update = () => {
      const cam = handle.camera;
      if (!cam) return;
      const inverse = cam.quaternion.clone().invert();
      AXES.forEach((a, i) => {
        v.copy(a.dir).applyQuaternion(inverse);
        const x = 40 + v.x * R;
        const y = 40 - v.y * R;
        lines.current[i]?.setAttribute('x2', x.toFixed(1));
        lines.current[i]?.setAttribute('y2', y.toFixed(1));
        labels.current[i]?.setAttribute('x', (40 + v.x * (R + 8)).toFixed(1));
        labels.current[i]?.setAttribute('y', (44 - v.y * (R + 8)).toFixed(1));
      });
    };
    update();
    return handle.onCamera(update);
  }, [handle]);
  return (
    <svg
      className="viewer3d-axes"
      width="80"
      height="80"
      role="img"
      aria-label="Axes: x red, y green, z blue"
    >
      {AXES.map((a, i) => (
        <g key={a.name} stroke={a.colour} fill={a.colour}>
          <line
            ref={(el) => {
              lines.current[i] = el;
            }}
            x1="40"
            y1="40"
            x2="40"
            y2="40"
            strokeWidth="2"
          />
          <text
            ref={(el) => {
              labels.current[i] = el;
            }}
            stroke="none"
            fontSize="11"
            textAnchor="middle"
          >
            {a.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
