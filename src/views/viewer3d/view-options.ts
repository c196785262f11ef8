/**
 * The 3D view's display options. They live in the URL store (keys in state/viewer-url.ts), so
 * they survive a switch to another view and a shared link reproduces the figure; these helpers
 * translate between the URL form and what the view works with.
 */
import { isColourMode, type ColourMode } from '../../3d/colour-modes/registry.ts';
import type { Projection } from '../../3d/scene/CameraRig.tsx';
import type { ViewerUrlState, ViewerVolumeUrl } from '../../state/viewer-url.ts';

export type DetailLevel = ViewerUrlState['detail'];

export interface ViewOptions {
  colourMode: ColourMode;
  showPre: boolean;
  showPost: boolean;
  showSomata: boolean;
  showScaleBar: boolean;
  showAxes: boolean;
  background: 'white' | 'black';
  projection: Projection;
  detail: DetailLevel;
  /** Highlighted-synapse marker diameter, px. */
  markerSize: number;
}

export interface VolumeSetting {
  shown: boolean;
  color: string;
  opacity: number;
}

const VOLUME_COLOURS = ['#8fa8c8', '#c8a88f', '#9fc88f', '#c88fb8', '#c8c08f', '#8fc8c4'];

export function defaultVolumeSetting(id: number): VolumeSetting {
  return {
    shown: false,
    color: VOLUME_COLOURS[id % VOLUME_COLOURS.length] ?? '#999999',
    opacity: 0.2,
  };
}

/** `cameraProjection`: the camera key's projection, used when the options name none. */
export function optionsFromUrl(v: ViewerUrlState, cameraProjection?: Projection): ViewOptions {
  return {
    colourMode: isColourMode(v.colourMode) ? v.colourMode : 'selection',
    showPre: v.layers.pre,
    showPost: v.layers.post,
    showSomata: v.layers.soma,
    showScaleBar: v.layers.scale,
    showAxes: v.layers.axes,
    background: v.background,
    projection: v.projection ?? cameraProjection ?? 'perspective',
    detail: v.detail,
    markerSize: v.markerSize,
  };
}

export function optionsToUrl(o: ViewOptions, current: ViewerUrlState): ViewerUrlState {
  return {
    ...current,
    colourMode: o.colourMode,
    layers: {
      pre: o.showPre,
      post: o.showPost,
      soma: o.showSomata,
      scale: o.showScaleBar,
      axes: o.showAxes,
    },
    background: o.background,
    projection: o.projection,
    detail: o.detail,
    markerSize: o.markerSize,
  };
}

export function volumeSettingsFromUrl(
  volumes: readonly ViewerVolumeUrl[],
): ReadonlyMap<number, VolumeSetting> {
  return new Map(
    volumes.map((v) => [v.id, { shown: v.shown, color: v.color, opacity: v.opacity }]),
  );
}

/** The URL's volume list with one volume's setting changed (appended when new). */
export function withVolume(
  volumes: readonly ViewerVolumeUrl[],
  id: number,
  s: VolumeSetting,
): ViewerVolumeUrl[] {
  const entry = { id, ...s, color: s.color.toLowerCase() };
  return volumes.some((v) => v.id === id)
    ? volumes.map((v) => (v.id === id ? entry : v))
    : [...volumes, entry];
}
