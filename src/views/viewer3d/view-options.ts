/** The 3D view's display options (local to the view; the camera lives in the URL). */
import type { ColourMode } from '../../3d/colour-modes/registry.ts';
import type { Projection } from '../../3d/scene/CameraRig.tsx';

export interface ViewOptions {
  colourMode: ColourMode;
  showPre: boolean;
  showPost: boolean;
  showSomata: boolean;
  showScaleBar: boolean;
  showAxes: boolean;
  background: 'white' | 'black';
  projection: Projection;
}

export const defaultViewOptions: ViewOptions = {
  colourMode: 'selection',
  showPre: true,
  showPost: true,
  showSomata: true,
  showScaleBar: true,
  showAxes: true,
  background: 'white',
  projection: 'perspective',
};

export interface VolumeSetting {
  shown: boolean;
  color: string;
  opacity: number;
}

export const VOLUME_COLOURS = ['#8fa8c8', '#c8a88f', '#9fc88f', '#c88fb8', '#c8c08f', '#8fc8c4'];
